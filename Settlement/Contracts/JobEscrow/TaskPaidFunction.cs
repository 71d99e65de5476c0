using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>Whether a task of a job has been paid: the idempotency record payouts check.</summary>
[Function("taskPaid", "bool")]
public sealed class TaskPaidFunction : FunctionMessage
{
    /// <summary>Job.</summary>
    [Parameter("bytes32", "jobId", 1)]
    public byte[] JobId { get; set; } = [];

    /// <summary>Task.</summary>
    [Parameter("bytes32", "taskId", 2)]
    public byte[] TaskId { get; set; } = [];
}
