using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>Credits the remainder to the client (anyone), after the dispute window or an uncompleted job's deadline.</summary>
[Function("closeJob")]
public sealed class CloseJobFunction : FunctionMessage
{
    /// <summary>Job.</summary>
    [Parameter("bytes32", "jobId", 1)]
    public byte[] JobId { get; set; } = [];
}
