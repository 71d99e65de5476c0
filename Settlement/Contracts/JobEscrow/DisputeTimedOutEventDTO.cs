using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>Emitted by <c>resolveDisputeByTimeout</c>, before its <c>DisputeResolved</c>.</summary>
[Event("DisputeTimedOut")]
public sealed class DisputeTimedOutEventDTO : IEventDTO
{
    /// <summary>Job.</summary>
    [Parameter("bytes32", "jobId", 1, true)]
    public byte[] JobId { get; set; } = [];

    /// <summary>The ruling deadline that passed.</summary>
    [Parameter("uint256", "ruleBy", 2, false)]
    public BigInteger RuleBy { get; set; }
}
