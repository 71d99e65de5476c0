namespace OrleansAI.Grains.Rounds;

/// <summary>
/// Reads result blobs from their upload slots, checked against the hash and length their providers
/// signed; a blob that is gone or different is a problem of that result, never of the round.
/// </summary>
internal static class ResultReads
{
    /// <summary>Result blobs fetched at once by one closing round.</summary>
    public const int ConcurrentReads = 16;

    /// <summary>
    /// Every result blob of <paramref name="done"/>, in task order: those the round already fetched
    /// while it collected from <paramref name="prefetched"/>, the rest at most <see cref="ConcurrentReads"/>
    /// at a time.
    /// </summary>
    public static async Task<FetchedResult[]> FetchAllAsync(
        IContentStore store, IReadOnlyList<(string TaskId, RoundTask Task)> done, IReadOnlyDictionary<string, Task<FetchedResult>>? prefetched, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(ConcurrentReads);
        return await Task.WhenAll(done.Select(d => FetchAsync(store, d.Task.Report!, prefetched, gate, cancellationToken)));
    }

    /// <summary>One result blob: the early read of it if there was one, else read now (through <paramref name="gate"/> if given).</summary>
    public static async Task<FetchedResult> FetchAsync(
        IContentStore store, TaskReport report, IReadOnlyDictionary<string, Task<FetchedResult>>? prefetched, SemaphoreSlim? gate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(report);
        if (prefetched is not null && prefetched.TryGetValue(report.TaskId, out var early))
        {
            try
            {
                return await early;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The early read met a store error (expected problems are results, not throws):
                // read again now rather than fail the round on a stale fault.
            }
        }

        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken);
        }

        try
        {
            return new FetchedResult(await store.ReadUploadAsync(report.TaskId, report.Result!, cancellationToken), null);
        }
        catch (Exception ex) when (ex is InvalidDataException or FileNotFoundException)
        {
            return new FetchedResult([], $"result blob unusable: {ex.Message}");
        }
        finally
        {
            gate?.Release();
        }
    }
}
