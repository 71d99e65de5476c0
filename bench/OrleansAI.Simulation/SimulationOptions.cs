using OrleansAI.Federation;
using OrleansAI.Federation.Adversarial;
using OrleansAI.Federation.Compression;
using OrleansAI.Learning.Data;
using OrleansAI.Models.Specs;
using OrleansAI.Learning.Training;
using OrleansAI.Models.Data;

namespace OrleansAI.Simulation;

/// <summary>One simulated federated job: model, data, split, strategy, client behaviours and rounds.</summary>
public sealed record SimulationOptions
{
    /// <summary>The model every client trains.</summary>
    public required ModelPlan Plan { get; init; }

    /// <summary>Training data to split over the clients.</summary>
    public required LabeledDataset Train { get; init; }

    /// <summary>Held-out data the global model is evaluated on after each round.</summary>
    public required LabeledDataset Test { get; init; }

    /// <summary>The aggregation strategy.</summary>
    public required IStrategy Strategy { get; init; }

    /// <summary>Number of simulated clients.</summary>
    public int Clients { get; init; } = 10;

    /// <summary>Rounds to run.</summary>
    public int Rounds { get; init; } = 10;

    /// <summary>How the training data is split.</summary>
    public PartitionScheme Partition { get; init; } = PartitionScheme.Iid;

    /// <summary>Local training settings (seed is varied per client and round).</summary>
    public TrainingOptions Local { get; init; } = new() { Optimizer = OptimizerKind.Adam, LearningRate = 1e-3, BatchSize = 64, Epochs = 1 };

    /// <summary>Update compression applied by every client.</summary>
    public CompressionOptions Compression { get; init; } = CompressionOptions.None;

    /// <summary>Behaviour per client index; clients not listed are honest.</summary>
    public IReadOnlyDictionary<int, ClientBehavior> Behaviors { get; init; } = new Dictionary<int, ClientBehavior>();

    /// <summary>Standard deviation of the noise a <see cref="ClientBehavior.GaussianNoise"/> client adds to every parameter.</summary>
    public double NoiseSigma { get; init; } = 0.5;

    /// <summary>Seed for the split, the initial model, sampling and every client's randomness.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Accuracy the report counts rounds to; null for none.</summary>
    public double? TargetAccuracy { get; init; }

    /// <summary>Stops once the target is reached.</summary>
    public bool StopAtTarget { get; init; }
}
