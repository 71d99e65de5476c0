namespace OrleansAI.Node.Serving;

/// <summary>
/// The node's loaded models, bounded by a memory budget: loading past it evicts the least recently
/// used models (never the one just loaded). Loads of the same key share one attempt; a failed load
/// is forgotten so the next request for it tries again.
/// </summary>
public sealed class ModelCache(ModelLoader loader, long memoryBudgetBytes) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Task<LoadedModel>> _loading = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LinkedListNode<LoadedModel>> _ready = new(StringComparer.Ordinal);
    private readonly LinkedList<LoadedModel> _recency = new();
    private long _bytes;

    /// <summary>
    /// The cache a provider serves from: its serving settings, device and answers, loading over
    /// <paramref name="http"/>; null when the provider does not serve.
    /// </summary>
    public static ModelCache? ForProvider(ProviderContext provider, HttpClient http, ILoggerFactory logs)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(logs);
        var serving = provider.Settings.Serving;
        return serving.Enabled
            ? new ModelCache(new ModelLoader(http, serving, provider.Settings.Device, logs.CreateLogger<ModelLoader>(), provider.Answers), serving.MemoryBudgetBytes)
            : null;
    }

    /// <summary>Memory the loaded models take (estimated).</summary>
    public long MemoryBytes
    {
        get
        {
            lock (_lock)
            {
                return _bytes;
            }
        }
    }

    /// <summary>Keys of the loaded models.</summary>
    public IReadOnlyList<string> Keys
    {
        get
        {
            lock (_lock)
            {
                return [.. _ready.Keys];
            }
        }
    }

    /// <summary>Calls queued or running over every loaded model.</summary>
    public int Outstanding
    {
        get
        {
            lock (_lock)
            {
                return _recency.Sum(m => m.Batcher.Outstanding);
            }
        }
    }

    /// <summary>The loaded model for <paramref name="key"/>, marked as recently used; null when it is not loaded.</summary>
    public LoadedModel? Get(string key)
    {
        lock (_lock)
        {
            if (!_ready.TryGetValue(key, out var node))
            {
                return null;
            }

            if (node != _recency.First)
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
            }

            return node.Value;
        }
    }

    /// <summary>Loads <paramref name="model"/> (or returns it when loaded) and the models evicted to make room for it.</summary>
    public async Task<(LoadedModel Model, IReadOnlyList<string> Evicted)> LoadAsync(ModelDescriptor model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        Task<LoadedModel> loading;
        lock (_lock)
        {
            if (_ready.TryGetValue(model.Key, out var node) && node.Value.Descriptor.Sha256 == model.Sha256)
            {
                return (node.Value, []);
            }

            if (!_loading.TryGetValue(model.Key, out loading!))
            {
                loading = loader.LoadAsync(model, cancellationToken);
                _loading[model.Key] = loading;
            }
        }

        LoadedModel loaded;
        try
        {
            loaded = await loading;
        }
        finally
        {
            lock (_lock)
            {
                if (_loading.TryGetValue(model.Key, out var current) && current == loading)
                {
                    _loading.Remove(model.Key);
                }
            }
        }

        var evicted = new List<LoadedModel>();
        lock (_lock)
        {
            if (_ready.TryGetValue(model.Key, out var existing))
            {
                if (existing.Value == loaded)
                {
                    return (loaded, []);
                }

                Remove(existing);
                evicted.Add(existing.Value);
            }

            _ready[model.Key] = _recency.AddFirst(loaded);
            _bytes += loaded.MemoryBytes;
            while (_bytes > memoryBudgetBytes && _recency.Last is { } last && last.Value != loaded)
            {
                Remove(last);
                evicted.Add(last.Value);
            }
        }

        foreach (var old in evicted)
        {
            old.Batcher.Dispose();
        }

        return (loaded, [.. evicted.Where(e => e.Descriptor.Key != model.Key).Select(e => e.Descriptor.Key)]);
    }

    /// <summary>Drops a model; false when it was not loaded.</summary>
    public bool Unload(string key)
    {
        LoadedModel? removed = null;
        lock (_lock)
        {
            if (_ready.TryGetValue(key, out var node))
            {
                Remove(node);
                removed = node.Value;
            }
        }

        removed?.Batcher.Dispose();
        return removed is not null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        List<LoadedModel> all;
        lock (_lock)
        {
            all = [.. _recency];
            _recency.Clear();
            _ready.Clear();
            _bytes = 0;
        }

        foreach (var model in all)
        {
            model.Batcher.Dispose();
        }
    }

    private void Remove(LinkedListNode<LoadedModel> node)
    {
        _recency.Remove(node);
        _ready.Remove(node.Value.Descriptor.Key);
        _bytes -= node.Value.MemoryBytes;
    }
}
