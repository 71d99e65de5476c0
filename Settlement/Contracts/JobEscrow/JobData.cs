using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary>The <c>JobEscrow.Job</c> struct, in declaration order.</summary>
public sealed class JobData
{
    /// <summary>Poster, refunds go here.</summary>
    [Parameter("address", "client", 1)]
    public string Client { get; set; } = string.Empty;

    /// <summary>Lifecycle state; see <see cref="JobStatus"/>.</summary>
    [Parameter("uint8", "status", 2)]
    public byte Status { get; set; }

    /// <summary>Token the job pays in.</summary>
    [Parameter("address", "token", 3)]
    public string Token { get; set; } = string.Empty;

    /// <summary>Escrow deadline: Unix time after which an uncompleted job can be closed.</summary>
    [Parameter("uint64", "deadline", 4)]
    public ulong Deadline { get; set; }

    /// <summary>End of the dispute window, set on completion.</summary>
    [Parameter("uint64", "disputeDeadline", 5)]
    public ulong DisputeDeadline { get; set; }

    /// <summary>Unix time the job's work ends by, set by <c>startJob</c> (0: not started; the escrow is locked once set).</summary>
    [Parameter("uint64", "jobDeadline", 6)]
    public ulong JobDeadline { get; set; }

    /// <summary>Hash of the job specification.</summary>
    [Parameter("bytes32", "specHash", 7)]
    public byte[] SpecHash { get; set; } = [];

    /// <summary>Amount funded.</summary>
    [Parameter("uint256", "budget", 8)]
    public BigInteger Budget { get; set; }

    /// <summary>Gross amount released to providers, fees included.</summary>
    [Parameter("uint256", "paid", 9)]
    public BigInteger Paid { get; set; }

    /// <summary>Amount returned to the client.</summary>
    [Parameter("uint256", "refunded", 10)]
    public BigInteger Refunded { get; set; }

    /// <summary><see cref="Status"/> as the enum.</summary>
    public JobStatus JobStatus => (JobStatus)Status;

    /// <summary>Whether the platform started the job (its escrow is locked).</summary>
    public bool Started => JobDeadline != 0;

    /// <summary>Escrow still held for the job: budget − paid − refunded.</summary>
    public BigInteger Remaining => Budget - Paid - Refunded;
}
