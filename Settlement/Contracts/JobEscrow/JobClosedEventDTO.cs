using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>Emitted by <c>closeJob</c>.</summary>
[Event("JobClosed")]
public sealed class JobClosedEventDTO : IEventDTO
{
    /// <summary>Job.</summary>
    [Parameter("bytes32", "jobId", 1, true)]
    public byte[] JobId { get; set; } = [];

    /// <summary>Remainder credited to the client.</summary>
    [Parameter("uint256", "refund", 2, false)]
    public BigInteger Refund { get; set; }
}
