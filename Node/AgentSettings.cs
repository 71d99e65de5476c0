namespace OrleansAI.Node;

/// <summary>How one provider agent presents itself and uses its machine.</summary>
public sealed record AgentSettings
{
    /// <summary>Agent name sent at registration.</summary>
    public string Agent { get; init; } = "oai-node/0.1";

    /// <summary>Compute device for training and evaluation.</summary>
    public ComputeDevice Device { get; init; } = ComputeDevice.Cpu;

    /// <summary>Memory offered, in MiB.</summary>
    public long MemoryMb { get; init; } = 4096;

    /// <summary>Asking price per task.</summary>
    public long PricePerTask { get; init; } = 1;

    /// <summary>Tasks run at once.</summary>
    public int MaxConcurrentTasks { get; init; } = 2;

    /// <summary>Longest back-off between reconnection attempts.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Benchmarks only: time a simulated provider spends "computing" per task on top of its real work,
    /// without occupying a core, so orchestration can be measured at fleet sizes a small machine
    /// could not train for real.
    /// </summary>
    public TimeSpan SimulatedCompute { get; init; }

    /// <summary>Whether and how the node serves inference.</summary>
    public ServingSettings Serving { get; init; } = new();

    /// <summary>
    /// Threads for data-parallel training; null trains those tasks deterministically on one thread
    /// (bit-identical to any other node on the same runtime, the strongest check). Declared with every result.
    /// </summary>
    public int? TrainingThreads { get; init; }

    /// <summary>Largest dataset shard download accepted.</summary>
    public long MaxDataBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Largest weights download accepted.</summary>
    public long MaxWeightsBytes { get; init; } = 512L * 1024 * 1024;
}
