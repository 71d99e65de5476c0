using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Rewards;

/// <summary>Adds to the pool of the current or a future epoch (approve Rewards first).</summary>
[Function("fundEpoch")]
public sealed class FundEpochFunction : FunctionMessage
{
    /// <summary>Epoch number.</summary>
    [Parameter("uint256", "epoch", 1)]
    public BigInteger Epoch { get; set; }

    /// <summary>Amount in wei.</summary>
    [Parameter("uint256", "amount", 2)]
    public BigInteger Amount { get; set; }
}
