namespace OrleansAI.Learning.Data;

/// <summary>
/// Summaries of how far per-client label histograms (from <see cref="DataPartitioner.LabelHistograms"/>)
/// stray from the global label distribution, so an experiment can report how non-IID its federation
/// really was instead of only quoting the partitioner's parameters.
/// </summary>
public static class PartitionSkew
{
    /// <summary>
    /// Mean over clients of the share of each client's examples that belong to its most common class:
    /// 1/C for perfectly balanced clients, 1 when every client holds a single class.
    /// </summary>
    public static double MeanMaxClassShare(IReadOnlyList<int[]> histograms)
    {
        Validate(histograms);
        return histograms.Average(h => (double)h.Max() / h.Sum());
    }

    /// <summary>
    /// Mean over clients of KL(client ‖ global) in nats, where global is the label distribution of all
    /// clients together: 0 for IID clients, growing as clients specialise.
    /// </summary>
    public static double MeanKlToGlobal(IReadOnlyList<int[]> histograms)
    {
        Validate(histograms);
        var classes = histograms[0].Length;
        var global = new double[classes];
        foreach (var histogram in histograms)
        {
            for (var c = 0; c < classes; c++)
            {
                global[c] += histogram[c];
            }
        }

        var total = global.Sum();
        var sum = 0.0;
        foreach (var histogram in histograms)
        {
            double size = histogram.Sum();
            for (var c = 0; c < classes; c++)
            {
                if (histogram[c] > 0)
                {
                    var p = histogram[c] / size;
                    sum += p * Math.Log(p / (global[c] / total));
                }
            }
        }

        return sum / histograms.Count;
    }

    private static void Validate(IReadOnlyList<int[]> histograms)
    {
        ArgumentNullException.ThrowIfNull(histograms);
        if (histograms.Count == 0)
        {
            throw new ArgumentException("At least one client histogram is needed.", nameof(histograms));
        }

        var classes = histograms[0]?.Length ?? 0;
        foreach (var histogram in histograms)
        {
            if (histogram is null || histogram.Length != classes || classes == 0 || histogram.Any(n => n < 0) || histogram.Sum() == 0)
            {
                throw new ArgumentException("Every histogram must have the same number of classes, no negative counts and at least one example.", nameof(histograms));
            }
        }
    }
}
