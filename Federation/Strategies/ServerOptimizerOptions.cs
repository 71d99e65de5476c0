namespace OrleansAI.Federation.Strategies;

/// <summary>Hyper-parameters of the adaptive server optimisers (Reddi et al., 2021).</summary>
public sealed record ServerOptimizerOptions
{
    /// <summary>Server learning rate η.</summary>
    public double ServerLearningRate { get; init; } = 0.1;

    /// <summary>First-moment decay β₁.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Second-moment decay β₂ (not used by Adagrad).</summary>
    public double Beta2 { get; init; } = 0.99;

    /// <summary>Adaptivity τ: added to √v, and τ² is v's starting value.</summary>
    public double Tau { get; init; } = 1e-3;
}
