using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Cooldown in seconds for new unbonding requests.</summary>
[Function("unbondingPeriod", "uint256")]
public sealed class UnbondingPeriodFunction : FunctionMessage
{
}
