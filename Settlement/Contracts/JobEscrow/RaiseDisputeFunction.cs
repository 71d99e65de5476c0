using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>Raises a dispute on a completed job within its window (the client or a paid provider).</summary>
[Function("raiseDispute")]
public sealed class RaiseDisputeFunction : FunctionMessage
{
    /// <summary>Job.</summary>
    [Parameter("bytes32", "jobId", 1)]
    public byte[] JobId { get; set; } = [];

    /// <summary>Provider concerned (client only; zero for the remainder only).</summary>
    [Parameter("address", "provider", 2)]
    public string Provider { get; set; } = string.Empty;

    /// <summary>Hash of the reason.</summary>
    [Parameter("bytes32", "reasonHash", 3)]
    public byte[] ReasonHash { get; set; } = [];
}
