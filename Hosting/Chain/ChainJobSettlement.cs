using System.Numerics;
using OrleansAI.Grains.Settlement;
using OrleansAI.Settlement.Contracts.JobEscrow;
using OrleansAI.Settlement.Deployment;
using OrleansAI.Settlement.Payouts;

namespace OrleansAI.Hosting.Chain;

/// <summary>
/// <see cref="IJobSettlement"/> on the JobEscrow contract: a job's escrow id is bound to its client's
/// wallet (<see cref="SettlementIds.JobId"/>), payments go through the payout batcher (idempotent per
/// task id, receipts checked) from the platform's key, and the job is marked complete on chain after.
/// A job is started on chain (<c>startJob</c>) before its work runs, which locks the escrow for the
/// job's life; one whose escrow ends before the job's deadline plus the settlement window is refused.
/// </summary>
public sealed partial class ChainJobSettlement(JobEscrowService escrow, DeploymentFile deployment, ILogger<ChainJobSettlement> logger) : IJobSettlement
{
    /// <inheritdoc />
    public async Task<string?> EscrowShortfallAsync(string clientWallet, string jobId, string budget, CancellationToken cancellationToken)
    {
        var id = SettlementIds.JobId(clientWallet, jobId);
        var needed = BigInteger.Parse(budget, CultureInfo.InvariantCulture);
        var job = await escrow.GetJobQueryAsync(id).WaitAsync(cancellationToken);
        var where = $"job id {id} on JobEscrow {escrow.ContractAddress}";
        if (job.JobStatus != JobStatus.Open)
        {
            // The escrow must outlast the job: say so before the client posts one that would be refused.
            var window = TimeSpan.FromSeconds((double)await escrow.SettlementWindowQueryAsync().WaitAsync(cancellationToken));
            return $"post {where} from {clientWallet} with a budget of at least {needed} OAI wei (token {deployment.Contracts.Token}) " +
                $"and a deadline at least {window.TotalHours:0.##} h after the job's (the settlement window)";
        }

        if (!string.Equals(job.Client, clientWallet, StringComparison.OrdinalIgnoreCase) || !string.Equals(job.Token, deployment.Contracts.Token, StringComparison.OrdinalIgnoreCase))
        {
            return $"{where} was not posted by {clientWallet} in OAI";
        }

        return job.Remaining < needed ? $"{where} holds {job.Remaining} OAI wei; the job's budget is {needed}" : null;
    }

    /// <inheritdoc />
    public async Task<string?> StartAsync(string clientWallet, string jobId, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var id = SettlementIds.JobId(clientWallet, jobId);
        var job = await escrow.GetJobQueryAsync(id).WaitAsync(cancellationToken);
        if (job.Started)
        {
            return null;
        }

        if (job.JobStatus != JobStatus.Open)
        {
            return $"job id {id} on JobEscrow {escrow.ContractAddress} is {job.JobStatus}, not open";
        }

        var window = TimeSpan.FromSeconds((double)await escrow.SettlementWindowQueryAsync().WaitAsync(cancellationToken));
        var escrowDeadline = DateTimeOffset.FromUnixTimeSeconds((long)job.Deadline);
        var required = deadline + window;
        if (escrowDeadline < required)
        {
            return EscrowTooShort(id, escrowDeadline, deadline, window);
        }

        try
        {
            var receipt = await escrow.StartJobRequestAndWaitForReceiptAsync(id, deadline, cancellationToken);
            LogStarted(jobId, deadline, escrowDeadline, receipt.TransactionHash);
            return null;
        }
        catch (SettlementException ex) when (ex.ErrorName == "JobAlreadyStarted")
        {
            // An earlier attempt went through and its answer was lost.
            return null;
        }
        catch (SettlementException ex) when (ex.ErrorName == "InvalidDeadline")
        {
            // The chain judges the job's own deadline by its clock, not the escrow's.
            return $"InvalidDeadline: the job's deadline {deadline:u} is in the past by the chain's clock, or further away than the contract allows";
        }
        catch (SettlementException ex) when (ex.ErrorName is "EscrowDeadlineTooEarly" or "InvalidStatus")
        {
            // The window may have grown between the read and the send; the chain's answer stands.
            return $"{ex.ErrorName}: {EscrowTooShort(id, escrowDeadline, deadline, window)}";
        }
    }

    private static string EscrowTooShort(Bytes32 id, DateTimeOffset escrowDeadline, DateTimeOffset deadline, TimeSpan window) =>
        $"escrow {id} ends at {escrowDeadline:u}, before the job's deadline {deadline:u} plus the settlement window ({window.TotalHours:0.##} h); " +
        $"post the escrow with a deadline of at least {deadline + window:u}";

    /// <inheritdoc />
    public async Task PayAsync(string clientWallet, string jobId, IReadOnlyList<TaskPayment> payments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payments);
        var id = SettlementIds.JobId(clientWallet, jobId);
        var batcher = new PayoutBatcher(new EscrowPayoutSender(escrow));
        foreach (var payment in payments)
        {
            batcher.Enqueue(new PayoutRequest(id, SettlementIds.TaskId(id, payment.TaskId), payment.Provider, BigInteger.Parse(payment.Amount, CultureInfo.InvariantCulture)));
        }

        var outcomes = await batcher.FlushAsync(cancellationToken);
        var failed = outcomes.Where(o => o.Status is not (PayoutStatus.Paid or PayoutStatus.AlreadyPaid)).ToList();
        if (failed.Count > 0)
        {
            throw new InvalidOperationException($"{failed.Count} of {outcomes.Count} payments for {jobId} did not go through: {failed[0].ErrorName ?? failed[0].Status.ToString()} {failed[0].Detail}");
        }

        if ((await escrow.GetJobQueryAsync(id).WaitAsync(cancellationToken)).JobStatus == JobStatus.Open)
        {
            await escrow.CompleteJobRequestAndWaitForReceiptAsync(id, cancellationToken);
        }

        LogPaid(jobId, outcomes.Count(o => o.Status == PayoutStatus.Paid), outcomes.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} started on chain: work until {Deadline:u}, escrow locked until {EscrowDeadline:u} (tx {Transaction})")]
    private partial void LogStarted(string jobId, DateTimeOffset deadline, DateTimeOffset escrowDeadline, string transaction);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: {Paid} payments released now, {Total} in all; escrow marked complete")]
    private partial void LogPaid(string jobId, int paid, int total);
}
