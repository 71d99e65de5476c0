namespace OrleansAI.Federation.Strategies;

/// <summary>FedYogi: v ← v − (1−β₂)Δ²·sign(v − Δ²); v grows more cautiously than Adam's.</summary>
public sealed class FedYogi(ServerOptimizerOptions? options = null, SamplingOptions? sampling = null) : FedOpt(options, sampling)
{
    /// <inheritdoc />
    public override string Name => "fedyogi";

    /// <inheritdoc />
    protected override float UpdateSecondMoment(float v, float squaredDelta) =>
        v - (1 - (float)Options.Beta2) * squaredDelta * MathF.Sign(v - squaredDelta);
}
