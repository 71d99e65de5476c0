using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>Platform fee in bps.</summary>
[Function("feeBps", "uint256")]
public sealed class FeeBpsFunction : FunctionMessage
{
}
