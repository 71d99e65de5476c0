namespace OrleansAI.Grains.Interfaces.Jobs;

/// <summary>One training job, keyed by its id: its definition, owner and lifecycle.</summary>
[Alias("OrleansAI.ITrainingJobGrain")]
public interface ITrainingJobGrain : IGrainWithStringKey
{
    /// <summary>
    /// Accepts the job for <paramref name="owner"/>. Idempotent: submitting the same definition by
    /// the same owner again returns the existing job; anything else on a used id is refused.
    /// </summary>
    [Alias("Submit")]
    Task<JobSnapshot> SubmitAsync(string owner, JobDefinition definition);

    /// <summary>The job, or null when no job has this id.</summary>
    [Alias("Get")]
    Task<JobSnapshot?> GetAsync();

    /// <summary>Cancels the job if it is not final; returns it as it now is.</summary>
    [Alias("Cancel")]
    Task<JobSnapshot> CancelAsync(string reason);

    /// <summary>
    /// A round of this job closed or failed (called by the round). Idempotent by round number; the
    /// job records it and moves on in a later turn, so a round never waits on the next one.
    /// </summary>
    [Alias("RoundClosed")]
    Task RoundClosedAsync(Rounds.RoundSnapshot round);
}
