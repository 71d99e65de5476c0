using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Token;

/// <summary>ERC-20 <c>balanceOf</c>.</summary>
[Function("balanceOf", "uint256")]
public sealed class BalanceOfFunction : FunctionMessage
{
    /// <summary>Holder.</summary>
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = string.Empty;
}
