namespace OrleansAI.Node.Simulation;

/// <summary>A simulated fleet: its size, its data split, its seed and which of its providers misbehave.</summary>
public sealed record FleetOptions
{
    /// <summary>Providers in the fleet.</summary>
    public required int Providers { get; init; }

    /// <summary>Dirichlet α of the label skew, or null for IID partitions.</summary>
    public double? DirichletAlpha { get; init; }

    /// <summary>Fleet seed: keys, partitions and each provider's randomness.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Cap on training examples per provider.</summary>
    public int? MaxExamples { get; init; }

    /// <summary>Fashion-MNIST directory.</summary>
    public string DataDirectory { get; init; } = Learning.Data.FashionMnist.DefaultDirectory;

    /// <summary>How every provider serves inference.</summary>
    public ServingSettings Serving { get; init; } = new();

    /// <summary>Threads for data-parallel training; null for deterministic single-thread runs.</summary>
    public int? TrainingThreads { get; init; }

    /// <summary>Tasks each provider takes at once.</summary>
    public int MaxTasks { get; init; } = 2;

    /// <summary>Behaviour of providers by index; honest otherwise.</summary>
    public IReadOnlyDictionary<int, ClientBehavior> Attacks { get; init; } = new Dictionary<int, ClientBehavior>();

    /// <summary>Share of tasks the attackers cheat on.</summary>
    public double CheatRate { get; init; } = 1;

    /// <summary>Providers, by index, that answer inference wrongly.</summary>
    public IReadOnlySet<int> Liars { get; init; } = new HashSet<int>();
}
