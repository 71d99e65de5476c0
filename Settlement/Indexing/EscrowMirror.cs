using System.Numerics;
using OrleansAI.Settlement.Contracts.JobEscrow;

namespace OrleansAI.Settlement.Indexing;

/// <summary>
/// Escrow per job and the set of paid tasks, rebuilt from JobEscrow's events: what the job grains
/// read to check a job is funded before assigning work.
/// </summary>
/// <remarks>
/// Amounts are applied as deltas and the status only moves forward (None → Open → Completed →
/// Closed, or → Cancelled), so the result does not depend on the order logs arrive in.
/// </remarks>
public sealed class EscrowMirror
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Bytes32, Entry> _jobs = [];

    /// <summary>The mirrored job, or null if no event of it was seen.</summary>
    public EscrowedJob? Get(Bytes32 jobId)
    {
        lock (_gate)
        {
            return _jobs.TryGetValue(jobId, out var entry) ? entry.ToRecord(jobId) : null;
        }
    }

    /// <summary>Whether a <c>TaskPaid</c> was seen for the task.</summary>
    public bool IsTaskPaid(Bytes32 jobId, Bytes32 taskId)
    {
        lock (_gate)
        {
            return _jobs.TryGetValue(jobId, out var entry) && entry.PaidTasks.Contains(taskId);
        }
    }

    /// <summary>Every job seen.</summary>
    public IReadOnlyList<EscrowedJob> Jobs()
    {
        lock (_gate)
        {
            return [.. _jobs.Select(pair => pair.Value.ToRecord(pair.Key))];
        }
    }

    /// <summary>Sum of remaining budgets in a token (the contract's <c>totalEscrowed</c>).</summary>
    public BigInteger TotalEscrowed(string token)
    {
        lock (_gate)
        {
            return _jobs.Values
                .Where(entry => string.Equals(entry.Token, token, StringComparison.OrdinalIgnoreCase))
                .Aggregate(BigInteger.Zero, (sum, entry) => sum + (entry.Budget - entry.Paid - entry.Refunded));
        }
    }

    internal void Posted(Bytes32 jobId, string client, string token, BigInteger budget) => Update(jobId, entry =>
    {
        entry.Client = EthAddresses.Normalise(client);
        entry.Token = EthAddresses.Normalise(token);
        entry.Budget += budget;
        entry.Advance(JobStatus.Open);
    });

    internal void TaskPaid(Bytes32 jobId, Bytes32 taskId, BigInteger amount) => Update(jobId, entry =>
    {
        if (entry.PaidTasks.Add(taskId))
        {
            entry.Paid += amount;
        }

        entry.Advance(JobStatus.Open);
    });

    internal void Completed(Bytes32 jobId) => Update(jobId, entry => entry.Advance(JobStatus.Completed));

    internal void Refunded(Bytes32 jobId, BigInteger refund, JobStatus status) => Update(jobId, entry =>
    {
        entry.Refunded += refund;
        entry.Advance(status);
    });

    internal void DisputeResolved(Bytes32 jobId, BigInteger providerAward, BigInteger clientRefund) => Update(jobId, entry =>
    {
        entry.Paid += providerAward;
        entry.Refunded += clientRefund;
    });

    private void Update(Bytes32 jobId, Action<Entry> change)
    {
        lock (_gate)
        {
            if (!_jobs.TryGetValue(jobId, out var entry))
            {
                entry = new Entry();
                _jobs.Add(jobId, entry);
            }

            change(entry);
        }
    }

    private sealed class Entry
    {
        public string Client { get; set; } = string.Empty;

        public string Token { get; set; } = string.Empty;

        public BigInteger Budget { get; set; }

        public BigInteger Paid { get; set; }

        public BigInteger Refunded { get; set; }

        public JobStatus Status { get; private set; }

        public HashSet<Bytes32> PaidTasks { get; } = [];

        // Closed (3) and Cancelled (4) are both final and never both happen to one job.
        public void Advance(JobStatus status) => Status = status > Status ? status : Status;

        public EscrowedJob ToRecord(Bytes32 jobId) => new(jobId, Client, Token, Budget, Paid, Refunded, Status, PaidTasks.Count);
    }
}
