namespace OrleansAI.Federation.Reputation;

/// <summary>
/// Sampling without replacement with probabilities proportional to weight (Efraimidis and
/// Spirakis' A-ES): each candidate draws u in (0, 1) and gets the key ln(u) / w; the k largest keys
/// win. Equivalent to drawing one at a time with probability w / (sum of the weights left).
/// </summary>
public static class WeightedSampler
{
    /// <summary>
    /// Indices of up to <paramref name="count"/> distinct candidates. Weights must be finite; a
    /// weight of zero or less is never chosen.
    /// </summary>
    public static int[] Sample(ReadOnlySpan<double> weights, int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (count <= 0 || weights.IsEmpty)
        {
            return [];
        }

        var keys = new List<(double Key, int Index)>(weights.Length);
        for (var i = 0; i < weights.Length; i++)
        {
            var w = weights[i];
            if (!double.IsFinite(w))
            {
                throw new ArgumentException($"weights[{i}] is not finite.", nameof(weights));
            }

            // Drawn for every candidate, chosen or not, so a seed always consumes the same numbers.
            var u = 1 - random.NextDouble();
            if (w > 0)
            {
                keys.Add((Math.Log(u) / w, i));
            }
        }

        keys.Sort((a, b) => b.Key.CompareTo(a.Key) is var c && c != 0 ? c : a.Index.CompareTo(b.Index));
        return [.. keys.Take(count).Select(k => k.Index)];
    }
}
