using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Allows or forbids a recipient of slashed funds besides the treasury (GOVERNOR_ROLE).</summary>
[Function("setSlashDestination")]
public sealed class SetSlashDestinationFunction : FunctionMessage
{
    /// <summary>The account (e.g. Rewards).</summary>
    [Parameter("address", "destination", 1)]
    public string Destination { get; set; } = string.Empty;

    /// <summary>Whether slashes may credit it.</summary>
    [Parameter("bool", "allowed", 2)]
    public bool Allowed { get; set; }
}
