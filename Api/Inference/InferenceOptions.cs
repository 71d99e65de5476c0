namespace OrleansAI.Api.Inference;

/// <summary>Bounds of the inference API (configuration section <c>Inference</c>).</summary>
public sealed class InferenceOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Inference";

    /// <summary>Largest request body; larger ones get 413.</summary>
    public long MaxRequestBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>Most rows one request may carry.</summary>
    public int MaxRows { get; set; } = 4096;

    /// <summary>
    /// Inference requests per second each client may make; beyond it, 429 with Retry-After. A client
    /// that needs more gets its own figure in <see cref="ClientLimits"/>.
    /// </summary>
    public int RequestsPerSecond { get; set; } = 500;

    /// <summary>Requests a client may make at once above its rate before being limited.</summary>
    public int Burst { get; set; } = 1_000;

    /// <summary>Per-client overrides of <see cref="RequestsPerSecond"/> (burst alike), by client id.</summary>
    public Dictionary<string, int> ClientLimits { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How long a request may take when it does not say (parameter <c>timeout_ms</c>).</summary>
    public TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest a request may ask for.</summary>
    public TimeSpan MaxTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
