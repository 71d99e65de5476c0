using OrleansAI.Grains.Interfaces.Datasets;

namespace OrleansAI.Grains.Datasets;

/// <summary>One client's datasets: see <see cref="IClientDatasetsGrain"/>.</summary>
public sealed class ClientDatasetsGrain(
    [PersistentState("datasets", "Default")] IPersistentState<ClientDatasetsState> state) : Grain, IClientDatasetsGrain
{
    /// <summary>Most datasets one client may hold.</summary>
    public const int MaxDatasets = 200;

    /// <inheritdoc />
    public async Task<DatasetRecord> AddAsync(DatasetRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (state.State.Datasets.Find(d => d.Sha256 == record.Sha256) is { } known)
        {
            return known;
        }

        if (state.State.Datasets.Count >= MaxDatasets)
        {
            throw new InvalidOperationException($"A client holds at most {MaxDatasets} datasets.");
        }

        state.State.Datasets.Add(record);
        await state.WriteStateAsync();
        return record;
    }

    /// <inheritdoc />
    public Task<DatasetRecord?> GetAsync(string sha256) => Task.FromResult(state.State.Datasets.Find(d => d.Sha256 == sha256));

    /// <inheritdoc />
    public Task<IReadOnlyList<DatasetRecord>> ListAsync() =>
        Task.FromResult<IReadOnlyList<DatasetRecord>>([.. Enumerable.Reverse(state.State.Datasets)]);
}
