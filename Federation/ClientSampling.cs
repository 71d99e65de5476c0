namespace OrleansAI.Federation;

/// <summary>Uniform client sampling as Flower's strategies do it: a fraction of the available clients, at least a minimum, reproducible from the seed.</summary>
public static class ClientSampling
{
    /// <summary>
    /// <paramref name="sampling"/>'s share of <paramref name="available"/> (at least its minimum),
    /// drawn with <paramref name="random"/>; empty when fewer clients are available than wanted. The
    /// same seed and the same clients, in any order, give the same sample.
    /// </summary>
    public static IReadOnlyList<string> Sample(IReadOnlyList<string> available, SamplingOptions sampling, Random random)
    {
        ArgumentNullException.ThrowIfNull(available);
        ArgumentNullException.ThrowIfNull(sampling);
        ArgumentNullException.ThrowIfNull(random);
        var distinct = available.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var wanted = Math.Max((int)Math.Ceiling(sampling.FractionFit * distinct.Length), sampling.MinFitClients);
        if (distinct.Length < wanted)
        {
            return [];
        }

        // Partial Fisher-Yates over a sorted copy.
        for (var i = 0; i < wanted; i++)
        {
            var j = random.Next(i, distinct.Length);
            (distinct[i], distinct[j]) = (distinct[j], distinct[i]);
        }

        return distinct[..wanted];
    }
}
