using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Minimum active stake for <c>isStaked</c>.</summary>
[Function("minStake", "uint256")]
public sealed class MinStakeFunction : FunctionMessage
{
}
