using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Rewards;

/// <summary>Pulls the caller's rewards.</summary>
[Function("claim")]
public sealed class ClaimRewardsFunction : FunctionMessage
{
}
