using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>Emitted by <c>cancelJob</c>.</summary>
[Event("JobCancelled")]
public sealed class JobCancelledEventDTO : IEventDTO
{
    /// <summary>Job.</summary>
    [Parameter("bytes32", "jobId", 1, true)]
    public byte[] JobId { get; set; } = [];

    /// <summary>Amount credited to the client.</summary>
    [Parameter("uint256", "refund", 2, false)]
    public BigInteger Refund { get; set; }
}
