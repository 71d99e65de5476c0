using Orleans.Runtime;
using OrleansAI.Grains.Interfaces.Jobs;

namespace OrleansAI.Grains.Jobs;

/// <summary>
/// A training job's record and lifecycle. It never moves except through <see cref="JobLifecycle"/>,
/// and every change is written before it is acknowledged, so a restarted silo resumes from it.
/// </summary>
public sealed class TrainingJobGrain(
    [PersistentState("job", "Default")] IPersistentState<TrainingJobState> state,
    TimeProvider clock) : Grain, ITrainingJobGrain
{
    /// <summary>What a new job waits for until the round loop picks it up.</summary>
    public const string WaitingReason = "waiting for funding and enough providers holding the dataset";

    /// <inheritdoc />
    public async Task<JobSnapshot> SubmitAsync(string owner, JobDefinition definition)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentNullException.ThrowIfNull(definition);
        if (state.State.Definition is not null)
        {
            // A retried submission (same owner, same definition) is answered with the job it created.
            return state.State.Owner == owner && state.State.Definition == definition
                ? Snapshot()!
                : throw new InvalidOperationException($"Job '{this.GetPrimaryKeyString()}' already exists.");
        }

        var now = clock.GetUtcNow();
        state.State.Owner = owner;
        state.State.Definition = definition;
        state.State.Status = JobStatus.Pending;
        state.State.StatusReason = WaitingReason;
        state.State.CreatedUtc = now;
        state.State.UpdatedUtc = now;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IClientJobsGrain>(owner).AddAsync(this.GetPrimaryKeyString());
        return Snapshot()!;
    }

    /// <inheritdoc />
    public Task<JobSnapshot?> GetAsync() => Task.FromResult(Snapshot());

    /// <inheritdoc />
    public async Task<JobSnapshot> CancelAsync(string reason)
    {
        if (state.State.Definition is null)
        {
            throw new KeyNotFoundException($"No job '{this.GetPrimaryKeyString()}'.");
        }

        await MoveAsync(JobStatus.Cancelled, string.IsNullOrWhiteSpace(reason) ? "cancelled by its owner" : reason);
        return Snapshot()!;
    }

    private async Task MoveAsync(JobStatus to, string reason)
    {
        if (!JobLifecycle.CanMove(state.State.Status, to))
        {
            throw new InvalidOperationException($"A {state.State.Status.ToString().ToLowerInvariant()} job cannot become {to.ToString().ToLowerInvariant()}.");
        }

        state.State.Status = to;
        state.State.StatusReason = reason;
        state.State.UpdatedUtc = clock.GetUtcNow();
        await state.WriteStateAsync();
    }

    private JobSnapshot? Snapshot() => state.State.Definition is null
        ? null
        : new JobSnapshot(
            this.GetPrimaryKeyString(),
            state.State.Owner,
            state.State.Definition,
            state.State.Status,
            state.State.StatusReason,
            state.State.RoundsCompleted,
            state.State.CreatedUtc,
            state.State.UpdatedUtc);
}
