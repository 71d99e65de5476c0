using Settings = OrleansAI.Grains.Interfaces.Jobs.TrainingSettings;

namespace OrleansAI.Api.Gateway;

/// <summary>The one mapping from the platform's training settings to the provider protocol's message.</summary>
public static class TrainingWire
{
    /// <summary>The protocol message for <paramref name="settings"/>.</summary>
    public static Protocol.TrainingSettings ToWire(Settings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new Protocol.TrainingSettings
        {
            LocalEpochs = settings.LocalEpochs,
            LearningRate = settings.LearningRate,
            BatchSize = settings.BatchSize,
            ProximalMu = settings.ProximalMu,
            Compression = settings.Compression,
            WeightDecay = settings.WeightDecay,
            Optimizer = settings.Optimizer,
        };
    }
}
