namespace OrleansAI.Federation.Strategies;

/// <summary>FedAdam: v ← β₂v + (1−β₂)Δ².</summary>
public sealed class FedAdam(ServerOptimizerOptions? options = null, SamplingOptions? sampling = null) : FedOpt(options, sampling)
{
    /// <inheritdoc />
    public override string Name => "fedadam";

    /// <inheritdoc />
    protected override float UpdateSecondMoment(float v, float squaredDelta)
    {
        var b2 = (float)Options.Beta2;
        return b2 * v + (1 - b2) * squaredDelta;
    }
}
