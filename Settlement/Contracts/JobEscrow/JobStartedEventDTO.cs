using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>Emitted by <c>startJob</c>.</summary>
[Event("JobStarted")]
public sealed class JobStartedEventDTO : IEventDTO
{
    /// <summary>Job.</summary>
    [Parameter("bytes32", "jobId", 1, true)]
    public byte[] JobId { get; set; } = [];

    /// <summary>When the job's work ends.</summary>
    [Parameter("uint256", "jobDeadline", 2, false)]
    public BigInteger JobDeadline { get; set; }
}
