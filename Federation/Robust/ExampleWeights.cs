namespace OrleansAI.Federation.Robust;

/// <summary>
/// Bounds the example counts clients report before anything weighs by them (FedAvg and its kin weigh
/// each update by its count, so a client claiming a billion examples would otherwise replace the
/// model with its own). A count is capped at <see cref="Factor"/> times the median count of the round,
/// and at an absolute ceiling when the platform knows one. While honest clients are the majority the
/// median is an honest count, so one client's weight is at most <see cref="Factor"/> honest medians
/// whatever it claims; honest clients whose data is up to that many times the median keep their
/// exact FedAvg weight.
/// </summary>
public static class ExampleWeights
{
    /// <summary>How many median counts one client may weigh at most.</summary>
    public const double Factor = 3;

    /// <summary>The largest count a client's update may carry: the smaller of <see cref="Factor"/> × the median of <paramref name="counts"/> and <paramref name="ceiling"/>.</summary>
    /// <param name="counts">Every count reported in the round (positive).</param>
    /// <param name="ceiling">An absolute bound the platform knows (e.g. from what it assigned); null when none.</param>
    public static long Cap(IReadOnlyList<long> counts, long? ceiling = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count == 0)
        {
            return ceiling ?? long.MaxValue;
        }

        var sorted = counts.Order().ToArray();
        var n = sorted.Length;
        // The lower median: with an even count an attacker holding half the reports cannot lift it.
        var median = sorted[(n - 1) / 2];
        var cap = median >= long.MaxValue / Factor ? long.MaxValue : (long)Math.Ceiling(median * Factor);
        return Math.Max(1, Math.Min(cap, ceiling ?? long.MaxValue));
    }

    /// <summary><paramref name="updates"/> with each count bounded by <see cref="Cap"/> over the round's counts.</summary>
    public static IReadOnlyList<ClientUpdate> Bound(IReadOnlyList<ClientUpdate> updates, long? ceiling = null)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var cap = Cap([.. updates.Select(u => u.Examples)], ceiling);
        return [.. updates.Select(u => u.Examples > cap ? u with { Examples = cap } : u)];
    }
}
