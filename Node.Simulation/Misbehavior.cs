namespace OrleansAI.Node.Simulation;

/// <summary>How a simulated provider misbehaves; the defaults are an honest provider.</summary>
public sealed record Misbehavior
{
    /// <summary>Honest, or one of the attacks a single provider can play (<see cref="Simulation.Behavior.Supported"/>).</summary>
    public ClientBehavior Behavior { get; init; } = ClientBehavior.Honest;

    /// <summary>Share of tasks the behaviour is played on; honest otherwise (an intermittent cheater).</summary>
    public double CheatRate { get; init; } = 1;

    /// <summary>
    /// Providers on the same <see cref="CollusionBoard"/> sharing a collusion group hand their
    /// training results to each other; a <see cref="Copier"/> hands in its partner's result instead of training.
    /// </summary>
    public string? Collusion { get; init; }

    /// <summary>Whether this provider copies its collusion partner's result.</summary>
    public bool Copier { get; init; }

    /// <summary>Factor of the model-replacement attack (<see cref="ClientBehavior.Scaled"/>).</summary>
    public int ScaleFactor { get; init; } = 10;

    /// <summary>Whether the provider answers inference wrongly on purpose (a dishonest server).</summary>
    public bool Lie { get; init; }
}
