using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.ModelRegistry;

/// <summary>Revenue waiting to be withdrawn.</summary>
[Function("claimable", "uint256")]
public sealed class RevenueClaimableFunction : FunctionMessage
{
    /// <summary>Token.</summary>
    [Parameter("address", "token", 1)]
    public string Token { get; set; } = string.Empty;

    /// <summary>Owner or contributor.</summary>
    [Parameter("address", "account", 2)]
    public string Account { get; set; } = string.Empty;
}
