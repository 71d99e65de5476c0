using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Rewards;

/// <summary>Effective multiplier in bps.</summary>
[Function("multiplierOf", "uint256")]
public sealed class MultiplierOfFunction : FunctionMessage
{
    /// <summary>Provider.</summary>
    [Parameter("address", "provider", 1)]
    public string Provider { get; set; } = string.Empty;
}
