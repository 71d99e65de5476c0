namespace OrleansAI.Federation.Robust;

/// <summary>
/// Coordinate-wise median (Yin et al., 2018): each parameter is the median of the clients' values,
/// so fewer than half the clients cannot move it arbitrarily. Example counts are ignored on purpose:
/// an attacker could inflate them.
/// </summary>
public sealed class FedMedian(SamplingOptions? sampling = null) : StrategyBase(sampling ?? new SamplingOptions())
{
    /// <inheritdoc />
    public override string Name => "fedmedian";

    /// <inheritdoc />
    protected override float[]? Combine(int round, float[] current, IReadOnlyList<ClientUpdate> updates, List<RejectedUpdate> rejected, out string? keptBecause)
    {
        keptBecause = null;
        var result = new float[current.Length];
        Kernels.CoordinateWise([.. updates.Select(u => u.Parameters)], result, Median);
        return result;
    }

    /// <summary>The median of sorted values (mean of the middle two for an even count).</summary>
    public static float Median(ReadOnlySpan<float> sorted)
    {
        var n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
