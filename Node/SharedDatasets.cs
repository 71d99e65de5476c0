using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace OrleansAI.Node;

/// <summary>
/// Shards of client datasets a node was handed by data-parallel tasks, downloaded once, checked
/// against their hash and kept by hash: the same shard comes back every round. Shared by every
/// agent in the process (content is addressed by hash, so sharing leaks nothing) and bounded by count.
/// </summary>
public sealed class SharedDatasets(HttpClient http, int capacity = 32)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<LabeledDataset>>> _byHash = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>The dataset file at <paramref name="url"/>, which must be <paramref name="length"/> bytes hashing to <paramref name="sha256"/>.</summary>
    public Task<LabeledDataset> GetAsync(string url, string sha256, long length, long maxBytes, CancellationToken cancellationToken)
    {
        if (length <= 0 || length > maxBytes)
        {
            throw new InvalidOperationException($"The dataset shard is {length} bytes; this node accepts up to {maxBytes}.");
        }

        var entry = _byHash.GetOrAdd(sha256, hash =>
        {
            _order.Enqueue(hash);
            return new Lazy<Task<LabeledDataset>>(() => LoadAsync(url, hash, length));
        });
        while (_byHash.Count > capacity && _order.TryDequeue(out var oldest))
        {
            _byHash.TryRemove(oldest, out _);
        }

        return AwaitAsync(sha256, entry, cancellationToken);
    }

    private async Task<LabeledDataset> AwaitAsync(string sha256, Lazy<Task<LabeledDataset>> entry, CancellationToken cancellationToken)
    {
        try
        {
            return await entry.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (entry.Value.IsFaulted)
        {
            // A failed download is not cached: the next task tries again.
            _byHash.TryRemove(new KeyValuePair<string, Lazy<Task<LabeledDataset>>>(sha256, entry));
            throw;
        }
    }

    private async Task<LabeledDataset> LoadAsync(string url, string sha256, long length)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var bytes = new byte[length];
        await using var stream = await response.Content.ReadAsStreamAsync();
        await stream.ReadExactlyAsync(bytes);
        if (stream.ReadByte() >= 0 || Convert.ToHexStringLower(SHA256.HashData(bytes)) != sha256)
        {
            throw new InvalidDataException("The downloaded dataset shard does not match its hash.");
        }

        return DatasetFile.Read(bytes);
    }
}
