namespace OrleansAI.Grains.Models;

/// <summary>A model's versions: see <see cref="IModelGrain"/>.</summary>
public sealed class ModelGrain(
    [PersistentState("model", "Default")] IPersistentState<ModelState> state) : Grain, IModelGrain
{
    /// <summary>Most versions one model keeps.</summary>
    public const int MaxVersions = 10_000;

    /// <inheritdoc />
    public async Task<ModelVersionRecord> RegisterAsync(ModelVersionRecord draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (ModelKeys.Model(draft.Owner, draft.Name) != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"Model '{this.GetPrimaryKeyString()}' cannot register a version of {draft.Owner}/{draft.Name}.", nameof(draft));
        }

        var existing = state.State.VersionJobs.IndexOf(draft.JobId);
        if (existing >= 0)
        {
            return (await Version(existing + 1).GetAsync())!;
        }

        if (state.State.VersionJobs.Count >= MaxVersions)
        {
            throw new InvalidOperationException($"A model keeps at most {MaxVersions} versions.");
        }

        // The parent is whatever version the job started from (the draft says); a job that trained
        // from fresh weights has none, even if older versions exist.
        var record = draft with { Version = state.State.VersionJobs.Count + 1 };
        // The version's record is written first: a crash in between leaves an orphan record that the
        // retried registration overwrites with the same content, never a number without a record.
        await Version(record.Version).InitializeAsync(record);
        state.State.VersionJobs.Add(draft.JobId);
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IClientModelsGrain>(draft.Owner).AddAsync(draft.Name);
        return record;
    }

    /// <inheritdoc />
    public async Task<ModelSummary?> GetAsync()
    {
        if (state.State.VersionJobs.Count == 0)
        {
            return null;
        }

        var key = this.GetPrimaryKeyString();
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var latest = await Version(state.State.VersionJobs.Count).GetAsync();
        return new ModelSummary(key[..slash], key[(slash + 1)..], [.. Enumerable.Range(1, state.State.VersionJobs.Count)], latest);
    }

    private IModelVersionGrain Version(int version) =>
        GrainFactory.GetGrain<IModelVersionGrain>($"{this.GetPrimaryKeyString()}/{version}");
}
