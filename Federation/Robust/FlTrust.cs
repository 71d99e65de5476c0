namespace OrleansAI.Federation.Robust;

/// <summary>
/// FLTrust (Cao et al., NDSS 2021): the server trains the round's model on a small root dataset of
/// its own; every client update gets the trust score ReLU(cos(update, root update)), is rescaled to
/// the root update's length, and the new model moves by the trust-weighted mean of the rescaled
/// updates. An update pointing away from the server's own is ignored, and no single update can be
/// longer than the server's, so scaling attacks gain nothing. The root update is set for each round
/// before aggregating; without one the round keeps its model.
/// </summary>
public sealed class FlTrust(SamplingOptions? sampling = null) : StrategyBase(sampling ?? new SamplingOptions())
{
    /// <inheritdoc />
    public override string Name => "fltrust";

    /// <summary>The parameters the server trained from the round's model on its root dataset.</summary>
    public float[]? RootParameters { get; set; }

    /// <summary>Trust score of one update: the cosine of its change with the root change, floored at zero.</summary>
    public static double TrustScore(ReadOnlySpan<float> current, ReadOnlySpan<float> root, ReadOnlySpan<float> parameters) =>
        Math.Max(0, Cosine(current, root, parameters));

    /// <summary>The cosine of an update's change with the root change; 0 when either is zero or not finite.</summary>
    public static double Cosine(ReadOnlySpan<float> current, ReadOnlySpan<float> root, ReadOnlySpan<float> parameters)
    {
        double dot = 0, rootNorm = 0, norm = 0;
        for (var i = 0; i < current.Length; i++)
        {
            double g0 = root[i] - current[i], g = parameters[i] - current[i];
            dot += g0 * g;
            rootNorm += g0 * g0;
            norm += g * g;
        }

        var cosine = rootNorm == 0 || norm == 0 ? 0 : dot / Math.Sqrt(rootNorm * norm);
        return double.IsFinite(cosine) ? cosine : 0;
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        var n = values.Length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    /// <summary>
    /// Updates that point away from the root update by more than honest noise explains: cosine with
    /// the root update below zero and more than three robust deviations (at least 0.1) below the
    /// round's median cosine. Late in training honest updates are mostly noise and their cosines
    /// with the root scatter around a small positive median, so "below zero" alone would suspect
    /// honest providers; a flipped update stands out against the others.
    /// </summary>
    public static IReadOnlyList<(string ClientId, double Cosine)> Outliers(ReadOnlySpan<float> current, ReadOnlySpan<float> root, IReadOnlyList<ClientUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var cosines = new List<(string ClientId, double Cosine)>(updates.Count);
        foreach (var update in updates)
        {
            cosines.Add((update.ClientId, Cosine(current, root, update.Parameters)));
        }

        if (cosines.Count == 0)
        {
            return [];
        }

        var median = Median([.. cosines.Select(c => c.Cosine)]);
        var deviation = 1.4826 * Median([.. cosines.Select(c => Math.Abs(c.Cosine - median))]);
        var bound = median - Math.Max(3 * deviation, 0.1);
        return [.. cosines.Where(c => c.Cosine < 0 && c.Cosine < bound)];
    }

    /// <inheritdoc />
    protected override float[]? Combine(int round, float[] current, IReadOnlyList<ClientUpdate> updates, List<RejectedUpdate> rejected, out string? keptBecause)
    {
        if (RootParameters is not { } root || root.Length != current.Length)
        {
            keptBecause = "FLTrust needs the server's root update for this round, and it did not arrive";
            return null;
        }

        var rootNorm = Math.Sqrt(root.Select((r, i) => (double)(r - current[i]) * (r - current[i])).Sum());
        var sum = new double[current.Length];
        double trustTotal = 0;
        foreach (var update in updates)
        {
            var trust = TrustScore(current, root, update.Parameters);
            if (trust <= 0)
            {
                rejected.Add(new RejectedUpdate(update.ClientId, "points away from the server's root update (FLTrust score 0)"));
                continue;
            }

            var norm = Math.Sqrt(update.Parameters.Select((p, i) => (double)(p - current[i]) * (p - current[i])).Sum());
            var scale = trust * rootNorm / norm;
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += scale * (update.Parameters[i] - current[i]);
            }

            trustTotal += trust;
        }

        if (trustTotal == 0)
        {
            keptBecause = "no update agrees with the server's root update";
            return null;
        }

        keptBecause = null;
        return [.. current.Select((c, i) => (float)(c + sum[i] / trustTotal))];
    }
}
