using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Token;

/// <summary>ERC-20 <c>allowance</c>.</summary>
[Function("allowance", "uint256")]
public sealed class AllowanceFunction : FunctionMessage
{
    /// <summary>Holder.</summary>
    [Parameter("address", "owner", 1)]
    public string Owner { get; set; } = string.Empty;

    /// <summary>Spender.</summary>
    [Parameter("address", "spender", 2)]
    public string Spender { get; set; } = string.Empty;
}
