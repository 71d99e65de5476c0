using OrleansAI.Grains.Interfaces.Providers;

namespace OrleansAI.Grains.Interfaces.Rounds;

/// <summary>
/// One round of one job, keyed <c>{job}/{round}</c>: samples providers, hands out tasks, collects
/// results until all are in or the deadline passes with a quorum (retrying with other providers
/// otherwise), aggregates with the job's strategy, and reports the outcome to the job. Every
/// transition is persisted first, so a restarted silo resumes the round where it was.
/// </summary>
[Alias("OrleansAI.IAggregationRoundGrain")]
public interface IAggregationRoundGrain : IGrainWithStringKey
{
    /// <summary>Starts the round; idempotent: a started round returns its snapshot and changes nothing.</summary>
    [Alias("Start")]
    Task<RoundSnapshot> StartAsync(RoundConfig config);

    /// <summary>
    /// A verified result from <paramref name="provider"/>; counted at most once, ignored once the round
    /// closed. Interleaves with other calls so a burst of results shares state writes; it is answered
    /// only after the write that includes it.
    /// </summary>
    [AlwaysInterleave, Alias("Submit")]
    Task<SubmitOutcome> SubmitAsync(string provider, TaskReport report);

    /// <summary>
    /// FedBuff: a result of an earlier round of this job (trained from <paramref name="baseWeights"/>,
    /// the global model of round <paramref name="baseRound"/>) that arrived after its round closed on
    /// its buffer. Counted here with its staleness, or passed on to the next round if this one closed too.
    /// </summary>
    [AlwaysInterleave, Alias("SubmitCarried")]
    Task<SubmitOutcome> SubmitCarriedAsync(string provider, TaskReport report, int baseRound, Storage.ContentReference baseWeights);

    /// <summary>The provider could not do its task (interleaves like <see cref="SubmitAsync"/>).</summary>
    [AlwaysInterleave, Alias("ReportFailure")]
    Task ReportFailureAsync(string provider, string taskId, string reason);

    /// <summary>
    /// Stops a collecting round because its job was cancelled: outstanding tasks are withdrawn from
    /// their providers and the round fails without aggregating. One-way, so a job never waits on a
    /// round that may itself be waiting on the job.
    /// </summary>
    [OneWay, Alias("Cancel")]
    Task CancelAsync(string reason);

    /// <summary>The round as it is; read-only, so it may interleave with a round that is busy closing (and calling its job).</summary>
    [AlwaysInterleave, Alias("Get")]
    Task<RoundSnapshot> GetAsync();
}
