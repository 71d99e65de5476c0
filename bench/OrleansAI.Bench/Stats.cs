namespace OrleansAI.Bench;

/// <summary>Order statistics of timings; medians, because these machines are noisy.</summary>
internal static class Stats
{
    public static double Percentile(IReadOnlyList<double> samples, double p)
    {
        var sorted = samples.Order().ToArray();
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    public static double Median(IReadOnlyList<double> samples) => Percentile(samples, 0.5);

    public static string F(double value, int digits = 4) => value.ToString("F" + digits, System.Globalization.CultureInfo.InvariantCulture);
}
