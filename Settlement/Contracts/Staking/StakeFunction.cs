using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Bonds more stake (approve the staking contract first).</summary>
[Function("stake")]
public sealed class StakeFunction : FunctionMessage
{
    /// <summary>Amount in wei.</summary>
    [Parameter("uint256", "amount", 1)]
    public BigInteger Amount { get; set; }
}
