using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.ModelRegistry;

/// <summary>Pulls the caller's revenue in a token.</summary>
[Function("withdraw", "uint256")]
public sealed class WithdrawRevenueFunction : FunctionMessage
{
    /// <summary>Token.</summary>
    [Parameter("address", "token", 1)]
    public string Token { get; set; } = string.Empty;
}
