namespace OrleansAI.Learning.Training;

/// <summary>Hyper-parameters of one local training run.</summary>
public sealed record TrainingOptions
{
    /// <summary>The optimiser.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Sgd;

    /// <summary>Learning rate.</summary>
    public double LearningRate { get; init; } = 0.01;

    /// <summary>SGD momentum (ignored by Adam).</summary>
    public double Momentum { get; init; }

    /// <summary>L2 weight decay.</summary>
    public double WeightDecay { get; init; }

    /// <summary>Passes over the local data.</summary>
    public int Epochs { get; init; } = 1;

    /// <summary>Examples per step.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Seeds shuffling, dropout and anything else random.</summary>
    public long Seed { get; init; }

    /// <summary>
    /// FedProx proximal weight μ: adds μ/2·‖w − w_global‖² to the loss, pulling local training
    /// towards the round's global weights. Zero disables it.
    /// </summary>
    public double ProximalMu { get; init; }

    /// <summary>
    /// One thread and fixed seeds, so two runs on the same machine give bit-identical weights;
    /// verification compares such runs by hash.
    /// </summary>
    public bool Deterministic { get; init; }

    /// <summary>
    /// Threads the run uses, held for the whole run (runs in the process then take turns); null leaves
    /// the process's setting. Different thread counts round differently, so their results agree only
    /// within a tolerance; <see cref="Deterministic"/> overrides it with one thread.
    /// </summary>
    public int? Threads { get; init; }

    /// <summary>Where to train.</summary>
    public ComputeDevice Device { get; init; } = ComputeDevice.Auto;

    /// <summary>Stops after this many steps in total (for bounded tasks and benchmarks); null runs every epoch fully.</summary>
    public int? MaxSteps { get; init; }

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        if (!(LearningRate > 0 && LearningRate <= 10))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "Learning rate must be in (0, 10].");
        }

        if (Momentum is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Momentum), Momentum, "Momentum must be in [0, 1).");
        }

        if (WeightDecay is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(WeightDecay), WeightDecay, "Weight decay must be in [0, 1].");
        }

        if (Epochs is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Epochs must be between 1 and 1000.");
        }

        if (BatchSize is < 1 or > 65536)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "Batch size must be between 1 and 65536.");
        }

        if (ProximalMu is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(ProximalMu), ProximalMu, "The proximal weight must be in [0, 100].");
        }

        if (Threads is < 1 or > 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "Threads must be between 1 and 1024.");
        }

        if (MaxSteps is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxSteps), MaxSteps, "Max steps must be positive.");
        }
    }
}
