namespace OrleansAI.Federation.Robust;

/// <summary>
/// Coordinate-wise trimmed mean (Yin et al., 2018): per parameter, drop the ⌊βn⌋ largest and
/// smallest values and average the rest. Unweighted, like the median, so example counts cannot be
/// used to outvote honest clients.
/// </summary>
public sealed class FedTrimmedAvg : StrategyBase
{
    /// <summary>Creates the strategy trimming a share <paramref name="beta"/> from each end.</summary>
    public FedTrimmedAvg(double beta, SamplingOptions? sampling = null)
        : base(sampling ?? new SamplingOptions())
    {
        if (beta is < 0 or >= 0.5)
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "Beta must be in [0, 0.5).");
        }

        Beta = beta;
    }

    /// <summary>Share trimmed from each end.</summary>
    public double Beta { get; }

    /// <inheritdoc />
    public override string Name => "trimmedmean";

    /// <inheritdoc />
    protected override float[]? Combine(int round, float[] current, IReadOnlyList<ClientUpdate> updates, List<RejectedUpdate> rejected, out string? keptBecause)
    {
        keptBecause = null;
        var trim = Trimmed(updates.Count);
        var result = new float[current.Length];
        Kernels.CoordinateWise([.. updates.Select(u => u.Parameters)], result, sorted => Mean(sorted[trim..^trim]));
        return result;
    }

    /// <summary>How many values are dropped from each end for <paramref name="count"/> clients.</summary>
    public int Trimmed(int count) => (int)Math.Floor(Beta * count);

    /// <inheritdoc />
    public override string ToString() => $"trimmedmean(beta={Beta.ToString(CultureInfo.InvariantCulture)})";

    private static float Mean(ReadOnlySpan<float> values)
    {
        double sum = 0;
        foreach (var v in values)
        {
            sum += v;
        }

        return (float)(sum / values.Length);
    }
}
