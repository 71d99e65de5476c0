using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>Starts an open job (PLATFORM_ROLE): locks its escrow until the escrow deadline and allows payments; reverts (EscrowDeadlineTooEarly) unless escrow deadline >= job deadline + settlement window.</summary>
[Function("startJob")]
public sealed class StartJobFunction : FunctionMessage
{
    /// <summary>Job.</summary>
    [Parameter("bytes32", "jobId", 1)]
    public byte[] JobId { get; set; } = [];

    /// <summary>Unix time the job's work ends by.</summary>
    [Parameter("uint256", "jobDeadline", 2)]
    public BigInteger JobDeadline { get; set; }
}
