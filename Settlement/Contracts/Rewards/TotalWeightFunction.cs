using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Rewards;

/// <summary>Sum of weights.</summary>
[Function("totalWeight", "uint256")]
public sealed class TotalWeightFunction : FunctionMessage
{
}
