using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Length of a provider's slash period, in seconds.</summary>
[Function("slashPeriod", "uint256")]
public sealed class SlashPeriodFunction : FunctionMessage
{
}
