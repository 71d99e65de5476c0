using System.Collections.Concurrent;
using Nethereum.Signer;
using OrleansAI.Federation.Compression;

namespace OrleansAI.Node;

/// <summary>One provider's identity, data and per-job state (compression residuals), shared by its agent and the task runner.</summary>
public sealed class ProviderContext : IDisposable
{
    private readonly ConcurrentDictionary<string, UpdateCompressor> _compressors = new(StringComparer.Ordinal);

    /// <summary>Creates the context.</summary>
    public ProviderContext(EthECKey key, LocalData data, AgentSettings settings, int seed)
    {
        Key = key ?? throw new ArgumentNullException(nameof(key));
        Data = data ?? throw new ArgumentNullException(nameof(data));
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        Random = new Random(seed);
    }

    /// <summary>The provider's signing key.</summary>
    public EthECKey Key { get; }

    /// <summary>
    /// The Ed25519 key inference answers are signed with; its public half is named in every sign-in,
    /// so the login signature delegates it. Never leaves the process.
    /// </summary>
    public NSec.Cryptography.Key SessionKey { get; } = Protocol.InferenceReceipt.NewSessionKey();

    /// <summary>Canonical address.</summary>
    public string Address => Protocol.MessageSignatures.AddressOf(Key);

    /// <summary>Local data.</summary>
    public LocalData Data { get; }

    /// <summary>Settings.</summary>
    public AgentSettings Settings { get; }

    /// <summary>How the provider carries out training tasks; honest unless a host says otherwise.</summary>
    public ITrainingConduct Conduct { get; init; } = HonestConduct.Instance;

    /// <summary>What the provider answers inference calls with; the model's scores unless a host says otherwise.</summary>
    public IInferenceConduct Answers { get; init; } = HonestInference.Instance;

    /// <summary>The provider's seeded randomness: its result quantisation, and whatever its conduct draws.</summary>
    public Random Random { get; }

    /// <inheritdoc />
    public void Dispose() => SessionKey.Dispose();

    /// <summary>The job's compressor (error feedback lives across rounds), or null for uncompressed results.</summary>
    public UpdateCompressor? CompressorFor(string jobId, string compression)
    {
        var options = CompressionOptions.Parse(compression);
        return options == CompressionOptions.None ? null : _compressors.GetOrAdd(jobId, _ => new UpdateCompressor(options, new Random(Random.Next())));
    }
}
