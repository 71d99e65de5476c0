using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>Settles a dispute the arbiter did not rule on in time (anyone): the provider keeps what it was paid, the remainder goes to the client.</summary>
[Function("resolveDisputeByTimeout")]
public sealed class ResolveDisputeByTimeoutFunction : FunctionMessage
{
    /// <summary>Job.</summary>
    [Parameter("bytes32", "jobId", 1)]
    public byte[] JobId { get; set; } = [];
}
