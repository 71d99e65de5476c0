namespace OrleansAI.Grains.Interfaces.Jobs;

/// <summary>The ids of one client's jobs, newest first, keyed by the client id; what listing pages over.</summary>
[Alias("OrleansAI.IClientJobsGrain")]
public interface IClientJobsGrain : IGrainWithStringKey
{
    /// <summary>Records a job of this client (idempotent).</summary>
    [Alias("Add")]
    Task AddAsync(string jobId);

    /// <summary>
    /// Claims an idempotency key for a submission: the first call with a key records
    /// <paramref name="proposedJobId"/> and the request's fingerprint; later calls within a day get
    /// that job id back and whether their request matches the first.
    /// </summary>
    [Alias("ClaimKey")]
    Task<IdempotentClaim> ClaimKeyAsync(string key, string fingerprint, string proposedJobId);

    /// <summary>One page of job ids, newest first, and the total count.</summary>
    [Alias("Page")]
    Task<(IReadOnlyList<string> JobIds, int Total)> PageAsync(int skip, int take);
}
