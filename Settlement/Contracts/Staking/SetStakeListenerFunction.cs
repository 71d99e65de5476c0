using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Wires Rewards as the stake listener (DEFAULT_ADMIN_ROLE); must happen before anyone stakes.</summary>
[Function("setStakeListener")]
public sealed class SetStakeListenerFunction : FunctionMessage
{
    /// <summary>The Rewards contract.</summary>
    [Parameter("address", "newListener", 1)]
    public string NewListener { get; set; } = string.Empty;
}
