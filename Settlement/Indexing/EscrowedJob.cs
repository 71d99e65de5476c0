using System.Numerics;
using OrleansAI.Settlement.Contracts.JobEscrow;

namespace OrleansAI.Settlement.Indexing;

/// <summary>A job as mirrored from JobEscrow's events.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Client">Poster (empty until its <c>JobPosted</c> is seen).</param>
/// <param name="Token">Token the job pays in.</param>
/// <param name="Budget">Amount funded.</param>
/// <param name="Paid">Gross amount released to providers (task payments and dispute awards).</param>
/// <param name="Refunded">Amount credited back to the client.</param>
/// <param name="Status">Lifecycle state.</param>
/// <param name="TasksPaid">Number of tasks paid.</param>
public sealed record EscrowedJob(
    Bytes32 JobId, string Client, string Token, BigInteger Budget, BigInteger Paid, BigInteger Refunded, JobStatus Status, int TasksPaid)
{
    /// <summary>Escrow still held: budget − paid − refunded (the contract's <c>remainingOf</c>).</summary>
    public BigInteger Remaining => Budget - Paid - Refunded;
}
