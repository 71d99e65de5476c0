using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Rewards;

/// <summary>Pulls the caller's rewards.</summary>
[Function("claim", "uint256")]
public sealed class ClaimRewardsFunction : FunctionMessage
{
}
