namespace OrleansAI.Grains.Settlement;

/// <summary>
/// The chain side of a job, as grains see it: whether its escrow is funded, and paying its providers
/// from that escrow. Implemented over the JobEscrow contract (Hosting); absent when no chain is
/// configured, in which case budgets are bookkeeping only.
/// </summary>
public interface IJobSettlement
{
    /// <summary>Null when the job's escrow is open with at least <paramref name="budget"/> (token wei, decimal string); otherwise what is missing.</summary>
    Task<string?> EscrowShortfallAsync(string clientWallet, string jobId, string budget, CancellationToken cancellationToken);

    /// <summary>
    /// Starts the job on chain before its work begins, locking the escrow for the job's life: the
    /// client can no longer cancel it, nor close it before the escrow deadline, which must be at
    /// least <paramref name="deadline"/> plus the escrow's settlement window. Null when the job is
    /// started (now or before); otherwise why the job must be refused (e.g. the escrow ends too early).
    /// </summary>
    Task<string?> StartAsync(string clientWallet, string jobId, DateTimeOffset deadline, CancellationToken cancellationToken);

    /// <summary>
    /// Releases each payment from the job's escrow (idempotent per task id: a task pays once however
    /// often this runs) and then marks the job complete; throws if any payment could not be made.
    /// </summary>
    Task PayAsync(string clientWallet, string jobId, IReadOnlyList<TaskPayment> payments, CancellationToken cancellationToken);
}
