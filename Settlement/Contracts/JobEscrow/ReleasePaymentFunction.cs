using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>Pays one task (PLATFORM_ROLE); each task id of a job pays once.</summary>
[Function("releasePayment")]
public sealed class ReleasePaymentFunction : FunctionMessage
{
    /// <summary>Job.</summary>
    [Parameter("bytes32", "jobId", 1)]
    public byte[] JobId { get; set; } = [];

    /// <summary>Task (see <see cref="SettlementIds.TaskId"/>).</summary>
    [Parameter("bytes32", "taskId", 2)]
    public byte[] TaskId { get; set; } = [];

    /// <summary>Provider credited.</summary>
    [Parameter("address", "provider", 3)]
    public string Provider { get; set; } = string.Empty;

    /// <summary>Gross amount, fee included.</summary>
    [Parameter("uint256", "amount", 4)]
    public BigInteger Amount { get; set; }
}
