namespace OrleansAI.Federation.Strategies;

/// <summary>FedAdagrad: v ← v + Δ².</summary>
public sealed class FedAdagrad(ServerOptimizerOptions? options = null, SamplingOptions? sampling = null) : FedOpt(options, sampling)
{
    /// <inheritdoc />
    public override string Name => "fedadagrad";

    /// <inheritdoc />
    protected override float UpdateSecondMoment(float v, float squaredDelta) => v + squaredDelta;
}
