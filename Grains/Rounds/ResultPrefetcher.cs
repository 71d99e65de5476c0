namespace OrleansAI.Grains.Rounds;

/// <summary>
/// One round's early reads: each accepted result is read while the round still collects, off the
/// grain's turn (it touches no state), so that closing finds most blobs already fetched and checked.
/// Only a cache: after a restart, or past the silo's budget, closing reads what is missing.
/// </summary>
internal sealed class ResultPrefetcher(IContentStore? store, RoundReadBudget budget)
{
    private readonly Dictionary<string, Task<FetchedResult>> _reads = new(StringComparer.Ordinal);
    private long _held;

    /// <summary>The reads started so far, by task id.</summary>
    public IReadOnlyDictionary<string, Task<FetchedResult>> Reads => _reads;

    /// <summary>Starts reading the report's result, if there is a store, it is not read yet, and it fits the budget.</summary>
    public void Start(TaskReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Result is not { } blob || store is null || _reads.ContainsKey(report.TaskId) || !budget.TryReserve(blob.Length))
        {
            return;
        }

        _held += blob.Length;
        _reads[report.TaskId] = Task.Run(() => ResultReads.FetchAsync(store, report, null, budget.Gate, CancellationToken.None));
    }

    /// <summary>Drops every read and gives their bytes back to the silo's budget.</summary>
    public void Forget()
    {
        budget.Release(_held);
        _reads.Clear();
        _held = 0;
    }
}
