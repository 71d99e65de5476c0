using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Active (bonded) stake.</summary>
[Function("stakeOf", "uint256")]
public sealed class StakeOfFunction : FunctionMessage
{
    /// <summary>Provider.</summary>
    [Parameter("address", "provider", 1)]
    public string Provider { get; set; } = string.Empty;
}
