using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>Seconds the arbiter has to rule on a job dispute.</summary>
[Function("disputeRulingTimeout", "uint256")]
public sealed class DisputeRulingTimeoutFunction : FunctionMessage
{
}
