namespace OrleansAI.Grains.Interfaces.Jobs;

/// <summary>The ids of one client's jobs, newest first, keyed by the client id; what listing pages over.</summary>
[Alias("OrleansAI.IClientJobsGrain")]
public interface IClientJobsGrain : IGrainWithStringKey
{
    /// <summary>Records a job of this client (idempotent).</summary>
    [Alias("Add")]
    Task AddAsync(string jobId);

    /// <summary>One page of job ids, newest first, and the total count.</summary>
    [Alias("Page")]
    Task<(IReadOnlyList<string> JobIds, int Total)> PageAsync(int skip, int take);
}
