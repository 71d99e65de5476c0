using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Rewards;

/// <summary>The current epoch number.</summary>
[Function("currentEpoch", "uint256")]
public sealed class CurrentEpochFunction : FunctionMessage
{
}
