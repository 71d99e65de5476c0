using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>Marks an open job complete (PLATFORM_ROLE); opens the dispute window and stops payments.</summary>
[Function("completeJob")]
public sealed class CompleteJobFunction : FunctionMessage
{
    /// <summary>Job.</summary>
    [Parameter("bytes32", "jobId", 1)]
    public byte[] JobId { get; set; } = [];
}
