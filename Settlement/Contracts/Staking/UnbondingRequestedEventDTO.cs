using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Emitted by <c>requestUnbond</c>.</summary>
[Event("UnbondingRequested")]
public sealed class UnbondingRequestedEventDTO : IEventDTO
{
    /// <summary>Provider.</summary>
    [Parameter("address", "provider", 1, true)]
    public string Provider { get; set; } = string.Empty;

    /// <summary>Amount moved to unbonding.</summary>
    [Parameter("uint256", "amount", 2, false)]
    public BigInteger Amount { get; set; }

    /// <summary>Unbonding afterwards.</summary>
    [Parameter("uint256", "totalUnbonding", 3, false)]
    public BigInteger TotalUnbonding { get; set; }

    /// <summary>Unix time from which it can be withdrawn.</summary>
    [Parameter("uint256", "releaseAt", 4, false)]
    public BigInteger ReleaseAt { get; set; }
}
