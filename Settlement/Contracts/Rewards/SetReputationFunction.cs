using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Rewards;

/// <summary>Sets a provider's reward multiplier (PLATFORM_ROLE), within the governed bounds.</summary>
[Function("setReputation")]
public sealed class SetReputationFunction : FunctionMessage
{
    /// <summary>Provider.</summary>
    [Parameter("address", "provider", 1)]
    public string Provider { get; set; } = string.Empty;

    /// <summary>Multiplier in bps (10,000 = 1x).</summary>
    [Parameter("uint256", "multiplierBps", 2)]
    public BigInteger MultiplierBps { get; set; }
}
