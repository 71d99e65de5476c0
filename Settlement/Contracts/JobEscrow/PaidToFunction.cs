using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>Net amount credited to a provider for a job.</summary>
[Function("paidTo", "uint256")]
public sealed class PaidToFunction : FunctionMessage
{
    /// <summary>Job.</summary>
    [Parameter("bytes32", "jobId", 1)]
    public byte[] JobId { get; set; } = [];

    /// <summary>Provider.</summary>
    [Parameter("address", "provider", 2)]
    public string Provider { get; set; } = string.Empty;
}
