namespace OrleansAI.Federation.Privacy;

/// <summary>The settings of client-level DP-FedAvg (<see cref="DpFedAvg"/>).</summary>
public sealed record DpFedAvgOptions
{
    /// <summary>z: the noise on the sum of clipped updates has standard deviation z·C. What the accountant composes.</summary>
    public required double NoiseMultiplier { get; init; }

    /// <summary>C: each client's update is scaled down to at most this L2 norm (the starting bound when adaptive).</summary>
    public required double ClipNorm { get; init; }

    /// <summary>m: the expected number of clients per round, the fixed denominator of the noisy mean.</summary>
    public required int ExpectedClients { get; init; }

    /// <summary>Whether C follows a target quantile of the update norms, estimated privately (Andrew et al., 2021).</summary>
    public bool AdaptiveClipping { get; init; }

    /// <summary>γ: the share of updates the adaptive bound aims to leave unclipped.</summary>
    public double TargetQuantile { get; init; } = 0.5;

    /// <summary>η: rate of the bound's geometric update C ← C·exp(−η(b̃ − γ)).</summary>
    public double ClipLearningRate { get; init; } = 0.2;

    /// <summary>σ_b: noise on the count of unclipped updates (adaptive); default m/20, as the paper suggests.</summary>
    public double? CountNoise { get; init; }

    /// <summary>σ_b in effect.</summary>
    public double EffectiveCountNoise => CountNoise ?? ExpectedClients / 20.0;

    /// <summary>
    /// The noise multiplier left for the updates once the clipped count has taken its share of the
    /// privacy: z_Δ = (z⁻² − (2σ_b)⁻²)^(−1/2), so that the two releases together compose to z.
    /// </summary>
    public double UpdateNoiseMultiplier => AdaptiveClipping
        ? 1 / Math.Sqrt(1 / (NoiseMultiplier * NoiseMultiplier) - 1 / (4 * EffectiveCountNoise * EffectiveCountNoise))
        : NoiseMultiplier;

    /// <summary>Why these settings cannot work, or null.</summary>
    public string? Problem() =>
        !(NoiseMultiplier > 0) || double.IsInfinity(NoiseMultiplier) ? "the noise multiplier must be positive and finite"
        : !(ClipNorm > 0) || double.IsInfinity(ClipNorm) ? "the clipping norm must be positive and finite"
        : ExpectedClients < 1 ? "at least one client is expected per round"
        : !AdaptiveClipping ? null
        : TargetQuantile is <= 0 or >= 1 ? "the target quantile must be in (0, 1)"
        : !(ClipLearningRate > 0) ? "the clipping rate must be positive"
        : !(EffectiveCountNoise > 0) ? "the count noise must be positive"
        : 2 * EffectiveCountNoise <= NoiseMultiplier ? "the count noise σ_b must exceed half the noise multiplier, or nothing is left for the updates"
        : null;
}
