namespace OrleansAI.Grains.Jobs;

/// <summary>
/// Applies what a strategy asks every client to train with in a round (Flower's fit config, by
/// name) to the job's training settings: the strategy's values win, so <c>fedprox:MU</c> trains
/// with its μ whatever the job's <c>proximalMu</c> says.
/// </summary>
internal static class FitSettings
{
    /// <summary><paramref name="settings"/> with <paramref name="config"/> applied; a name the providers cannot honour is a programming error.</summary>
    public static TrainingSettings Apply(TrainingSettings settings, IReadOnlyDictionary<string, double> config)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(config);
        foreach (var (name, value) in config)
        {
            settings = name switch
            {
                "proximal_mu" => settings with { ProximalMu = value },
                "learning_rate" => settings with { LearningRate = value },
                "local_epochs" => settings with { LocalEpochs = checked((int)value) },
                "batch_size" => settings with { BatchSize = checked((int)value) },
                "weight_decay" => settings with { WeightDecay = value },
                _ => throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The strategy asked for '{name}' = {value}, which providers cannot train with.")),
            };
        }

        return settings;
    }
}
