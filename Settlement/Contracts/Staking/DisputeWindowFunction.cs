using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.Staking;

/// <summary>Seconds after a slash during which the provider may dispute it.</summary>
[Function("disputeWindow", "uint256")]
public sealed class DisputeWindowFunction : FunctionMessage
{
}
