namespace OrleansAI.Grains;

/// <summary>
/// Group commit for a grain whose calls interleave: every change waits for the next write that starts
/// after it, so a burst costs a few writes instead of one each, and no two writes are ever in flight
/// at once (which the storage's ETag check would refuse). Callers are the grain's turns, one at a time.
/// </summary>
internal sealed class GroupCommit(Func<Task> write)
{
    private Task _lastWrite = Task.CompletedTask;
    private Task? _queuedWrite;

    /// <summary>A write that includes every change made before this call; completes when it is stored.</summary>
    public Task CommitAsync()
    {
        if (_queuedWrite is { } joined)
        {
            return joined;
        }

        // Queued before it runs, so a commit made while it waits for the write in flight joins it.
        var queued = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queuedWrite = queued.Task;
        _ = WriteAfterAsync(_lastWrite, queued);
        return queued.Task;
    }

    private async Task WriteAfterAsync(Task previous, TaskCompletionSource queued)
    {
        try
        {
            await previous;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // That write's own callers got its error; this write carries their changes again.
        }

        // From here on, changes need a later write: this one may already be reading the state.
        _queuedWrite = null;
        try
        {
            var current = write();
            _lastWrite = current;
            await current;
            queued.SetResult();
        }
        catch (Exception ex)
        {
            queued.SetException(ex);
        }
    }
}
