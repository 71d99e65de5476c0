using System.Collections.Concurrent;

namespace OrleansAI.Node.Simulation;

/// <summary>
/// Where colluding providers of one process hand each other their results: one slot per collusion
/// group and training round, filled by the first partner that hands in.
/// </summary>
public sealed class CollusionBoard
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<byte[]>> _slots = new(StringComparer.Ordinal);

    /// <summary>The slot group <paramref name="group"/> shares for <paramref name="task"/>'s job and round.</summary>
    public TaskCompletionSource<byte[]> Slot(string group, WorkTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return _slots.GetOrAdd($"{group}/{task.JobId}/{task.Round}", _ => new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
