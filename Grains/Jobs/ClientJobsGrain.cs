namespace OrleansAI.Grains.Jobs;

/// <summary>One client's job ids, for listing; see <see cref="IClientJobsGrain"/>.</summary>
public sealed class ClientJobsGrain(
    [PersistentState("jobs", "Default")] IPersistentState<ClientJobsState> state,
    TimeProvider clock) : Grain, IClientJobsGrain
{
    /// <summary>Most jobs one client may have on record; beyond it submissions are refused.</summary>
    public const int MaxJobs = 10_000;

    /// <inheritdoc />
    public async Task AddAsync(string jobId)
    {
        if (ClientIndex.Add(state.State.JobIds, jobId, MaxJobs, "jobs"))
        {
            await state.WriteStateAsync();
        }
    }

    /// <inheritdoc />
    public async Task<IdempotentClaim> ClaimKeyAsync(string key, string fingerprint, string proposedJobId)
    {
        var (claim, changed) = IdempotencyKeys.Claim(state.State.Keys, key, fingerprint, proposedJobId, clock.GetUtcNow());
        if (changed)
        {
            await state.WriteStateAsync();
        }

        return claim;
    }

    /// <inheritdoc />
    public Task<(IReadOnlyList<string> JobIds, int Total)> PageAsync(int skip, int take)
    {
        var ids = state.State.JobIds;
        IReadOnlyList<string> page = [.. Enumerable.Reverse(ids).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 0, 100))];
        return Task.FromResult((page, ids.Count));
    }
}
