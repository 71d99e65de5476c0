using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>Cancels an open job before any payment (the client); the whole budget becomes claimable.</summary>
[Function("cancelJob")]
public sealed class CancelJobFunction : FunctionMessage
{
    /// <summary>Job.</summary>
    [Parameter("bytes32", "jobId", 1)]
    public byte[] JobId { get; set; } = [];
}
