using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Active plus unbonding stake.</summary>
[Function("slashableOf", "uint256")]
public sealed class SlashableOfFunction : FunctionMessage
{
    /// <summary>Provider.</summary>
    [Parameter("address", "provider", 1)]
    public string Provider { get; set; } = string.Empty;
}
