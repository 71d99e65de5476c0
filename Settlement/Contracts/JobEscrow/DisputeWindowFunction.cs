using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>Dispute window in seconds.</summary>
[Function("disputeWindow", "uint256")]
public sealed class DisputeWindowFunction : FunctionMessage
{
}
