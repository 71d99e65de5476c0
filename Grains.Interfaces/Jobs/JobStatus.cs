namespace OrleansAI.Grains.Interfaces.Jobs;

/// <summary>Where a training job is in its life; see <see cref="JobLifecycle"/> for the allowed moves.</summary>
[GenerateSerializer, Alias("OrleansAI.JobStatus")]
public enum JobStatus
{
    /// <summary>Accepted and validated; waiting for funding and enough providers.</summary>
    Pending = 0,

    /// <summary>Rounds are running.</summary>
    Running = 1,

    /// <summary>All rounds ran and the model was registered.</summary>
    Completed = 2,

    /// <summary>Stopped by an error it cannot recover from (the reason is recorded).</summary>
    Failed = 3,

    /// <summary>Stopped by its owner.</summary>
    Cancelled = 4,

    /// <summary>
    /// Trained; paying the providers from the escrow, after which the model is registered. A job
    /// here never fails on its training deadline (the work is done and is owed) and cannot be
    /// cancelled; an unreachable chain is retried until it answers.
    /// </summary>
    Settling = 5,
}
