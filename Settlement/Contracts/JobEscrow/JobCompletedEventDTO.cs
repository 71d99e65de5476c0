using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>Emitted by <c>completeJob</c>.</summary>
[Event("JobCompleted")]
public sealed class JobCompletedEventDTO : IEventDTO
{
    /// <summary>Job.</summary>
    [Parameter("bytes32", "jobId", 1, true)]
    public byte[] JobId { get; set; } = [];

    /// <summary>End of the dispute window.</summary>
    [Parameter("uint256", "disputeDeadline", 2, false)]
    public BigInteger DisputeDeadline { get; set; }
}
