using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>Emitted by <c>releasePayment</c>.</summary>
[Event("TaskPaid")]
public sealed class TaskPaidEventDTO : IEventDTO
{
    /// <summary>Job.</summary>
    [Parameter("bytes32", "jobId", 1, true)]
    public byte[] JobId { get; set; } = [];

    /// <summary>Task.</summary>
    [Parameter("bytes32", "taskId", 2, true)]
    public byte[] TaskId { get; set; } = [];

    /// <summary>Provider.</summary>
    [Parameter("address", "provider", 3, true)]
    public string Provider { get; set; } = string.Empty;

    /// <summary>Gross amount.</summary>
    [Parameter("uint256", "amount", 4, false)]
    public BigInteger Amount { get; set; }

    /// <summary>Platform fee part.</summary>
    [Parameter("uint256", "fee", 5, false)]
    public BigInteger Fee { get; set; }
}
