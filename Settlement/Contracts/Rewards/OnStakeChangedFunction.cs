using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Rewards;

/// <summary>Re-reads a provider's stake and refreshes its weight (permissionless).</summary>
[Function("onStakeChanged")]
public sealed class OnStakeChangedFunction : FunctionMessage
{
    /// <summary>Provider.</summary>
    [Parameter("address", "provider", 1)]
    public string Provider { get; set; } = string.Empty;
}
