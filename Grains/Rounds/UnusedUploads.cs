namespace OrleansAI.Grains.Rounds;

/// <summary>
/// Results the model did not use are needed by nothing once the round is closed (results that
/// evidence cites were copied into content first), and a provider must not be able to park unbounded
/// bytes in its slot: they are deleted in the background, after the job has been told, so the next
/// round does not wait on them. Used results stay: provenance names them.
/// </summary>
internal static class UnusedUploads
{
    /// <summary>The task ids whose upload slots a closed round no longer needs.</summary>
    public static List<string> Of(RoundState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var used = state.Contributions.Where(c => c.Used).Select(c => c.TaskId).ToHashSet(StringComparer.Ordinal);
        return [.. state.Tasks
            .Where(t => t.Value.State is RoundTaskState.Done or RoundTaskState.Failed or RoundTaskState.TimedOut && !used.Contains(t.Key))
            .Select(t => t.Key)];
    }

    /// <summary>Deletes <see cref="Of"/>'s slots off the grain's turn, a few at a time; <paramref name="failed"/> hears of an error.</summary>
    public static void ReleaseInBackground(IContentStore store, RoundState state, Action<Exception> failed)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(failed);
        var unused = Of(state);
        if (unused.Count == 0)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                foreach (var batch in unused.Chunk(4))
                {
                    await Task.WhenAll(batch.Select(id => store.DeleteUploadAsync(id, CancellationToken.None)));
                }
            }
#pragma warning disable CA1031 // Best effort: a slot left behind costs storage, never correctness.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failed(ex);
            }
        });
    }
}
