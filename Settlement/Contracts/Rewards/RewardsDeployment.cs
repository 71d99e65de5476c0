using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Rewards;

/// <summary>Constructor of Rewards.</summary>
public sealed class RewardsDeployment : ContractDeploymentMessage
{
    /// <summary>Creates the message with the embedded creation bytecode of Rewards.</summary>
    public RewardsDeployment()
        : base(ContractArtifacts.Rewards.Bytecode)
    {
    }

    /// <summary>Token paid as rewards (OAI).</summary>
    [Parameter("address", "rewardToken_", 1)]
    public string RewardToken { get; set; } = string.Empty;

    /// <summary>Staking, read for active stakes.</summary>
    [Parameter("address", "staking_", 2)]
    public string Staking { get; set; } = string.Empty;

    /// <summary>Receives DEFAULT_ADMIN_ROLE.</summary>
    [Parameter("address", "admin", 3)]
    public string Admin { get; set; } = string.Empty;

    /// <summary>Receives unallocated rewards.</summary>
    [Parameter("address", "treasury_", 4)]
    public string Treasury { get; set; } = string.Empty;

    /// <summary>Epoch length in seconds (at least one day).</summary>
    [Parameter("uint256", "epochDuration_", 5)]
    public BigInteger EpochDuration { get; set; }
}
