using OrleansAI.Federation.Strategies;

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
    public static double TrustScore(ReadOnlySpan<float> current, ReadOnlySpan<float> root, ReadOnlySpan<float> parameters)
    {
        double dot = 0, rootNorm = 0, norm = 0;
        for (var i = 0; i < current.Length; i++)
        {
            double g0 = root[i] - current[i], g = parameters[i] - current[i];
            dot += g0 * g;
            rootNorm += g0 * g0;
            norm += g * g;
        }

        return rootNorm == 0 || norm == 0 || !double.IsFinite(dot) ? 0 : Math.Max(0, dot / Math.Sqrt(rootNorm * norm));
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
