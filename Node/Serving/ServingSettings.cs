namespace OrleansAI.Node.Serving;

/// <summary>How a node serves inference: whether it does, its cache budget and its batching.</summary>
public sealed record ServingSettings
{
    /// <summary>Whether the node offers to serve models.</summary>
    public bool Enabled { get; init; }

    /// <summary>Memory the model cache may hold; the least recently used models are evicted beyond it.</summary>
    public long MemoryBudgetBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Most rows one ONNX Runtime call runs.</summary>
    public int MaxBatchRows { get; init; } = 64;

    /// <summary>
    /// How long the first request of a batch waits for company. Zero batches only what is already
    /// queued, which costs no latency at low load and still batches under high load.
    /// </summary>
    public TimeSpan MaxQueueDelay { get; init; } = TimeSpan.FromMicroseconds(100);

    /// <summary>Requests queued per model before new ones are refused (the router retries elsewhere).</summary>
    public int MaxQueuedRequests { get; init; } = 4096;

    /// <summary>ONNX Runtime intra-op threads per session; one keeps a fleet of simulated nodes from oversubscribing the cores.</summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>Largest ONNX file accepted.</summary>
    public long MaxModelBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Asking price per thousand inferences.</summary>
    public decimal PricePer1kInferences { get; init; } = 1;

    /// <summary>Tests only: holds every answer this long (an overloaded or failing server).</summary>
    public TimeSpan ExtraLatency { get; init; }
}
