using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Constructor of Staking.</summary>
public sealed class StakingDeployment : ContractDeploymentMessage
{
    /// <summary>Creates the message with the embedded creation bytecode of Staking.</summary>
    public StakingDeployment()
        : base(ContractArtifacts.Staking.Bytecode)
    {
    }

    /// <summary>The staked token (OAI).</summary>
    [Parameter("address", "token_", 1)]
    public string Token { get; set; } = string.Empty;

    /// <summary>Receives DEFAULT_ADMIN_ROLE.</summary>
    [Parameter("address", "admin", 2)]
    public string Admin { get; set; } = string.Empty;

    /// <summary>Default recipient of slashed funds.</summary>
    [Parameter("address", "treasury_", 3)]
    public string Treasury { get; set; } = string.Empty;

    /// <summary>Minimum active stake for <c>isStaked</c>.</summary>
    [Parameter("uint256", "minStake_", 4)]
    public BigInteger MinStake { get; set; }

    /// <summary>Cooldown in seconds (at most 365 days).</summary>
    [Parameter("uint256", "unbondingPeriod_", 5)]
    public BigInteger UnbondingPeriod { get; set; }

    /// <summary>Largest share of a provider's stake one slash may take, in bps.</summary>
    [Parameter("uint256", "maxSlashBps_", 6)]
    public BigInteger MaxSlashBps { get; set; }
}
