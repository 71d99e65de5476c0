namespace OrleansAI.Federation.Strategies;

/// <summary>Federated averaging (McMahan et al., 2017): the example-weighted mean of the clients' parameters.</summary>
public class FedAvg(SamplingOptions? sampling = null) : StrategyBase(sampling ?? new SamplingOptions())
{
    /// <inheritdoc />
    public override string Name => "fedavg";

    /// <inheritdoc />
    protected override float[]? Combine(int round, float[] current, IReadOnlyList<ClientUpdate> updates, List<RejectedUpdate> rejected, out string? keptBecause) =>
        WeightedMean(updates, current.Length, rejected, out keptBecause);

    /// <inheritdoc />
    protected sealed override bool DefersValueScreening => true;

    /// <summary>
    /// The example-weighted mean of the updates' parameters. A weighted sum with positive weights
    /// carries any NaN or infinity into its result, so the values are checked once, on the result;
    /// only then are the offenders found, refused, and the mean recomputed without them.
    /// </summary>
    protected float[]? WeightedMean(IReadOnlyList<ClientUpdate> updates, int length, List<RejectedUpdate> rejected, out string? keptBecause)
    {
        ArgumentNullException.ThrowIfNull(updates);
        keptBecause = null;
        var result = GC.AllocateUninitializedArray<float>(length);
        Kernels.WeightedSum([.. updates.Select(u => u.Parameters)], ExampleWeights(updates), result);
        if (UpdateScreen.FirstNonFinite(result) is null)
        {
            return result;
        }

        var clean = UpdateScreen.FindNonFinite(updates, rejected);
        if (clean.Count < Math.Max(1, Sampling.MinResults))
        {
            keptBecause = $"{clean.Count} usable result(s), at least {Math.Max(1, Sampling.MinResults)} needed";
            return null;
        }

        Kernels.WeightedSum([.. clean.Select(u => u.Parameters)], ExampleWeights(clean), result);
        return result;
    }
}
