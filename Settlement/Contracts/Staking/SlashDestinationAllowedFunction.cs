using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Whether an account may receive slashed funds besides the treasury.</summary>
[Function("slashDestinationAllowed", "bool")]
public sealed class SlashDestinationAllowedFunction : FunctionMessage
{
    /// <summary>The account.</summary>
    [Parameter("address", "destination", 1)]
    public string Destination { get; set; } = string.Empty;
}
