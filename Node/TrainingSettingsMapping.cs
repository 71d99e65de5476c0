namespace OrleansAI.Node;

/// <summary>The one mapping from a task's training settings (as the protocol carries them) to the local trainer's options.</summary>
public static class TrainingSettingsMapping
{
    /// <summary>The trainer's options for <paramref name="settings"/>; the node's own choices (seed, device, threads) are set by the caller.</summary>
    public static TrainingOptions ToOptions(Protocol.TrainingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new TrainingOptions
        {
            Optimizer = settings.Optimizer == "sgd" ? OptimizerKind.Sgd : OptimizerKind.Adam,
            LearningRate = settings.LearningRate,
            Epochs = settings.LocalEpochs,
            BatchSize = settings.BatchSize,
            ProximalMu = settings.ProximalMu,
            WeightDecay = settings.WeightDecay,
        };
    }
}
