using System.Numerics.Tensors;

namespace OrleansAI.Federation.Verification;

/// <summary>
/// Federated results cannot be replayed (the data is private), so the round itself is the reference:
/// each update's change from the global model is compared with the coordinate-wise median change
/// (robust while fewer than half the providers collude) by direction and by length. An outlier is a
/// suspect for that round, not a proven cheat.
/// </summary>
public static class UpdateOutliers
{
    /// <summary>
    /// Every update's cosine to the robust centre and length ratio, with a reason when it is an
    /// outlier; empty when there are fewer than <see cref="OutlierOptions.MinUpdates"/> updates.
    /// Updates of another length than <paramref name="global"/> are skipped (screening rejects them).
    /// </summary>
    public static IReadOnlyList<UpdateOutlier> Screen(ReadOnlySpan<float> global, IReadOnlyList<ClientUpdate> updates, OutlierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(updates);
        options ??= OutlierOptions.Default;
        var length = global.Length;
        var valid = updates.Where(u => u.Parameters.Length == length).ToList();
        if (valid.Count < options.MinUpdates || length == 0)
        {
            return [];
        }

        var deltas = new List<float[]>(valid.Count);
        foreach (var update in valid)
        {
            var delta = new float[length];
            TensorPrimitives.Subtract(update.Parameters, global, delta);
            deltas.Add(delta);
        }

        var centre = new float[length];
        Kernels.CoordinateWise(deltas, centre, FedMedian.Median);
        var centreNorm = TensorPrimitives.Norm(centre);
        var norms = deltas.Select(d => (double)TensorPrimitives.Norm(d)).ToArray();
        var medianNorm = MedianOf(norms);
        var cosines = deltas.Select((d, i) => centreNorm == 0 || norms[i] == 0 ? 0 : TensorPrimitives.Dot(d, centre) / (norms[i] * centreNorm)).ToArray();
        // The cosines' centre and spread come from the updates of plausible length only, so lazy or
        // inflated ones do not drag the yardstick that judges the others.
        var plausible = cosines.Where((_, i) => double.IsFinite(norms[i]) && medianNorm > 0 && norms[i] / medianNorm is var r && r >= options.MinNormRatio && r <= options.MaxNormRatio).ToArray();
        var medianCosine = plausible.Length > 0 ? MedianOf(plausible) : 0;
        var spread = Math.Max(options.MinCosineSpread, plausible.Length > 0 ? MedianOf([.. plausible.Select(c => Math.Abs(c - medianCosine))]) : 0);
        var result = new List<UpdateOutlier>(valid.Count);
        for (var i = 0; i < valid.Count; i++)
        {
            var cosine = cosines[i];
            var ratio = medianNorm == 0 ? (norms[i] == 0 ? 1 : double.PositiveInfinity) : norms[i] / medianNorm;
            string? reason = null;
            if (!double.IsFinite(norms[i]))
            {
                reason = "its change is not finite";
            }
            else if (ratio > options.MaxNormRatio)
            {
                reason = $"its change is {ratio:F1}x the typical length";
            }
            else if (ratio < options.MinNormRatio)
            {
                reason = $"its change is {ratio:F3}x the typical length (little or no training)";
            }
            else if (centreNorm > 0 && cosine < options.MinCosine)
            {
                reason = $"its change points against the round's (cosine {cosine:F2})";
            }
            else if (centreNorm > 0 && norms[i] > 0 && cosine < medianCosine - options.MaxCosineDeviations * spread && cosine < medianCosine / 2)
            {
                reason = $"its change points away from everyone else's (cosine {cosine:F2}, the round's median {medianCosine:F2})";
            }

            result.Add(new UpdateOutlier(valid[i].ClientId, cosine, ratio, reason));
        }

        return result;
    }

    private static double MedianOf(double[] values)
    {
        var sorted = values.Order().ToArray();
        var n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
