using OrleansAI.Grains.Interfaces.Access;

namespace OrleansAI.Grains.Access;

/// <summary>What one client was granted: see <see cref="IClientGrantsGrain"/>.</summary>
public sealed class ClientGrantsGrain(
    [PersistentState("grants", "Default")] IPersistentState<ClientGrantsState> state) : Grain, IClientGrantsGrain
{
    /// <summary>Most grants one client's list keeps; the oldest leave it first (the rights themselves stay).</summary>
    public const int MaxReceived = 1000;

    /// <inheritdoc />
    public async Task AddAsync(AccessGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var received = state.State.Received;
        received.RemoveAll(g => g.Resource.Key == grant.Resource.Key);
        received.Add(grant);
        // Anyone may grant to anyone, so a flood of grants must not grow this list without bound.
        if (received.Count > MaxReceived)
        {
            received.RemoveRange(0, received.Count - MaxReceived);
        }

        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public async Task RemoveAsync(AccessResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (state.State.Received.RemoveAll(g => g.Resource.Key == resource.Key) > 0)
        {
            await state.WriteStateAsync();
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AccessGrant>> ListAsync() =>
        Task.FromResult<IReadOnlyList<AccessGrant>>([.. Enumerable.Reverse(state.State.Received)]);
}
