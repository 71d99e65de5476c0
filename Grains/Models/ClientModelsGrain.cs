namespace OrleansAI.Grains.Models;

/// <summary>One client's model names: see <see cref="IClientModelsGrain"/>.</summary>
public sealed class ClientModelsGrain(
    [PersistentState("models", "Default")] IPersistentState<ClientModelsState> state) : Grain, IClientModelsGrain
{
    /// <summary>Most models one client may have.</summary>
    public const int MaxModels = 1_000;

    /// <inheritdoc />
    public async Task AddAsync(string name)
    {
        if (ClientIndex.Add(state.State.Names, name, MaxModels, "models"))
        {
            await state.WriteStateAsync();
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListAsync() => Task.FromResult<IReadOnlyList<string>>(state.State.Names);
}
