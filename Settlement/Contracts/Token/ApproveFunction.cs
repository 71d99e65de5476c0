using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Token;

/// <summary>ERC-20 <c>approve</c>: the escrow, staking and registry pull tokens with <c>transferFrom</c>.</summary>
[Function("approve", "bool")]
public sealed class ApproveFunction : FunctionMessage
{
    /// <summary>Contract allowed to pull.</summary>
    [Parameter("address", "spender", 1)]
    public string Spender { get; set; } = string.Empty;

    /// <summary>Allowance in wei.</summary>
    [Parameter("uint256", "value", 2)]
    public BigInteger Value { get; set; }
}
