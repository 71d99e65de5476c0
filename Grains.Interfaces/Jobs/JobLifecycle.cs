namespace OrleansAI.Grains.Interfaces.Jobs;

/// <summary>
/// The job state machine, written out so every transition is explicit and checkable:
/// Pending → Running → Completed; Pending or Running → Failed or Cancelled; the last three are final.
/// </summary>
public static class JobLifecycle
{
    /// <summary>Whether a job may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanMove(JobStatus from, JobStatus to) => (from, to) switch
    {
        (JobStatus.Pending, JobStatus.Running) => true,
        (JobStatus.Running, JobStatus.Completed or JobStatus.Settling) => true,
        (JobStatus.Settling, JobStatus.Completed) => true,
        (JobStatus.Pending or JobStatus.Running, JobStatus.Failed or JobStatus.Cancelled) => true,
        _ => false,
    };

    /// <summary>Whether nothing more can happen to a job in <paramref name="status"/>.</summary>
    public static bool IsFinal(JobStatus status) => status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled;
}
