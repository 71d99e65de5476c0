using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Emitted by <c>stake</c>.</summary>
[Event("Staked")]
public sealed class StakedEventDTO : IEventDTO
{
    /// <summary>Provider.</summary>
    [Parameter("address", "provider", 1, true)]
    public string Provider { get; set; } = string.Empty;

    /// <summary>Amount bonded.</summary>
    [Parameter("uint256", "amount", 2, false)]
    public BigInteger Amount { get; set; }

    /// <summary>Active stake afterwards.</summary>
    [Parameter("uint256", "activeStake", 3, false)]
    public BigInteger ActiveStake { get; set; }
}
