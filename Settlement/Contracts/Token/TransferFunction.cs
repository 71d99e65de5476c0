using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Token;

/// <summary>ERC-20 <c>transfer</c>.</summary>
[Function("transfer", "bool")]
public sealed class TransferFunction : FunctionMessage
{
    /// <summary>Recipient.</summary>
    [Parameter("address", "to", 1)]
    public string To { get; set; } = string.Empty;

    /// <summary>Amount in wei.</summary>
    [Parameter("uint256", "value", 2)]
    public BigInteger Value { get; set; }
}
