using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Moves active stake to unbonding; it stops counting at once and restarts the cooldown.</summary>
[Function("requestUnbond")]
public sealed class RequestUnbondFunction : FunctionMessage
{
    /// <summary>Amount in wei.</summary>
    [Parameter("uint256", "amount", 1)]
    public BigInteger Amount { get; set; }
}
