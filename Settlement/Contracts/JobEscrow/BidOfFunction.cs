using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>A provider's latest bid for a job.</summary>
[Function("bidOf", "uint256")]
public sealed class BidOfFunction : FunctionMessage
{
    /// <summary>Job.</summary>
    [Parameter("bytes32", "jobId", 1)]
    public byte[] JobId { get; set; } = [];

    /// <summary>Provider.</summary>
    [Parameter("address", "provider", 2)]
    public string Provider { get; set; } = string.Empty;
}
