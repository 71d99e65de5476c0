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
}
