namespace OrleansAI.Federation.Strategies;

/// <summary>Federated averaging (McMahan et al., 2017): the example-weighted mean of the clients' parameters.</summary>
public class FedAvg(SamplingOptions? sampling = null) : StrategyBase(sampling ?? new SamplingOptions())
{
    /// <inheritdoc />
    public override string Name => "fedavg";

    /// <inheritdoc />
    protected override float[]? Combine(int round, float[] current, IReadOnlyList<ClientUpdate> updates, List<RejectedUpdate> rejected, out string? keptBecause)
    {
        keptBecause = null;
        return WeightedMean(updates, current.Length);
    }

    /// <summary>The example-weighted mean of the updates' parameters.</summary>
    protected static float[] WeightedMean(IReadOnlyList<ClientUpdate> updates, int length)
    {
        var result = new float[length];
        Kernels.WeightedSum([.. updates.Select(u => u.Parameters)], ExampleWeights(updates), result);
        return result;
    }
}
