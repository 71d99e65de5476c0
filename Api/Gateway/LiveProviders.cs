using System.Collections.Concurrent;

namespace OrleansAI.Api.Gateway;

/// <summary>
/// The provider streams open on this Api instance, by provider address, so standing that changes
/// after sign-in (stake unbonded or slashed below the minimum on chain) ends the sessions it no
/// longer allows instead of waiting for them to expire.
/// </summary>
public sealed class LiveProviders
{
    private readonly ConcurrentDictionary<ProviderConnection, byte> _open = new();

    /// <summary>Records an open stream.</summary>
    public void Add(ProviderConnection connection) => _open.TryAdd(connection, 0);

    /// <summary>Forgets a stream that ended.</summary>
    public void Remove(ProviderConnection connection) => _open.TryRemove(connection, out _);

    /// <summary>The addresses with at least one open stream here.</summary>
    public IReadOnlyCollection<string> Addresses => [.. _open.Keys.Select(c => c.Address).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Closes every stream of a provider that <paramref name="refusal"/> no longer admits (a reason,
    /// or null to keep it); the number of streams closed.
    /// </summary>
    public async Task<int> CloseRefusedAsync(Func<string, Task<string?>> refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var closed = 0;
        foreach (var address in Addresses)
        {
            if (await refusal(address) is not { } reason)
            {
                continue;
            }

            foreach (var connection in _open.Keys.Where(c => c.Address == address))
            {
                await connection.CloseAsync(reason);
                closed++;
            }
        }

        return closed;
    }
}
