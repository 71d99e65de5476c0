using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Amount unbonding and when it can be withdrawn.</summary>
[Function("unbondingOf", typeof(UnbondingOfOutputDTO))]
public sealed class UnbondingOfFunction : FunctionMessage
{
    /// <summary>Provider.</summary>
    [Parameter("address", "provider", 1)]
    public string Provider { get; set; } = string.Empty;
}
