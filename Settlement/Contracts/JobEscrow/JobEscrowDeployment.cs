using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>Constructor of JobEscrow.</summary>
public sealed class JobEscrowDeployment : ContractDeploymentMessage
{
    /// <summary>Creates the message with the embedded creation bytecode of JobEscrow.</summary>
    public JobEscrowDeployment()
        : base(ContractArtifacts.JobEscrow.Bytecode)
    {
    }

    /// <summary>Receives DEFAULT_ADMIN_ROLE.</summary>
    [Parameter("address", "admin", 1)]
    public string Admin { get; set; } = string.Empty;

    /// <summary>Receives platform fees.</summary>
    [Parameter("address", "treasury_", 2)]
    public string Treasury { get; set; } = string.Empty;

    /// <summary>Platform fee in bps (at most 2,000).</summary>
    [Parameter("uint256", "feeBps_", 3)]
    public BigInteger FeeBps { get; set; }

    /// <summary>Seconds after completion in which a dispute may be raised.</summary>
    [Parameter("uint256", "disputeWindow_", 4)]
    public BigInteger DisputeWindow { get; set; }

    /// <summary>When non-zero, bidders must be staked there.</summary>
    [Parameter("address", "staking_", 5)]
    public string Staking { get; set; } = string.Empty;
}
