using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace OrleansAI.Api.Inference;

/// <summary>
/// Which of this Api's live provider connections hold which model version ready. The read path
/// (every inference) takes an immutable snapshot without locking; the gateway updates it when a node
/// reports a model state the provider grain confirmed was asked of it.
/// </summary>
public sealed class ServingDirectory
{
    private readonly ConcurrentDictionary<string, ImmutableArray<ProviderConnection>> _byModel = new(StringComparer.Ordinal);

    /// <summary>Connections holding <paramref name="modelKey"/> ready.</summary>
    public ImmutableArray<ProviderConnection> Nodes(string modelKey) =>
        _byModel.TryGetValue(modelKey, out var nodes) ? nodes : [];

    /// <summary>Records that <paramref name="connection"/> holds <paramref name="modelKey"/> ready.</summary>
    public void Ready(string modelKey, ProviderConnection connection) =>
        _byModel.AddOrUpdate(modelKey, _ => [connection], (_, nodes) => nodes.Contains(connection) ? nodes : nodes.Add(connection));

    /// <summary>Records that <paramref name="connection"/> no longer holds <paramref name="modelKey"/>.</summary>
    public void Remove(string modelKey, ProviderConnection connection) =>
        _byModel.AddOrUpdate(modelKey, _ => [], (_, nodes) => nodes.Remove(connection));

    /// <summary>Forgets a connection that closed.</summary>
    public void RemoveAll(ProviderConnection connection)
    {
        foreach (var key in _byModel.Keys)
        {
            Remove(key, connection);
        }
    }
}
