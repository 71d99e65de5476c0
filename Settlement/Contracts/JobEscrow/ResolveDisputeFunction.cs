using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>Resolves a job's open dispute (ARBITER_ROLE).</summary>
[Function("resolveDispute")]
public sealed class ResolveDisputeFunction : FunctionMessage
{
    /// <summary>Job.</summary>
    [Parameter("bytes32", "jobId", 1)]
    public byte[] JobId { get; set; } = [];

    /// <summary>From the remainder to the provider (fee applies).</summary>
    [Parameter("uint256", "providerAward", 2)]
    public BigInteger ProviderAward { get; set; }

    /// <summary>From the remainder to the client.</summary>
    [Parameter("uint256", "clientRefund", 3)]
    public BigInteger ClientRefund { get; set; }

    /// <summary>From the provider's unwithdrawn pay for this job to the client.</summary>
    [Parameter("uint256", "clawback", 4)]
    public BigInteger Clawback { get; set; }
}
