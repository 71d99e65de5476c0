using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>Seconds an escrow must outlast its job's deadline for the job to start.</summary>
[Function("settlementWindow", "uint256")]
public sealed class SettlementWindowFunction : FunctionMessage
{
}
