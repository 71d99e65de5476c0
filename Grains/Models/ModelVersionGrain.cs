namespace OrleansAI.Grains.Models;

/// <summary>One model version, written once: see <see cref="IModelVersionGrain"/>.</summary>
public sealed class ModelVersionGrain(
    [PersistentState("version", "Default")] IPersistentState<ModelVersionState> state) : Grain, IModelVersionGrain
{
    /// <inheritdoc />
    public async Task InitializeAsync(ModelVersionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (state.State.Record is { } existing)
        {
            if (existing.JobId != record.JobId || existing.Weights != record.Weights)
            {
                throw new InvalidOperationException($"Model version '{this.GetPrimaryKeyString()}' is already registered by job {existing.JobId}.");
            }

            return;
        }

        state.State.Record = record;
        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task<ModelVersionRecord?> GetAsync() => Task.FromResult(state.State.Record);
}
