namespace OrleansAI.Federation.Adversarial;

/// <summary>
/// The standard attacks on federated averaging as pure functions of the global model and honest
/// results, so tests can check each one and the simulator can apply them.
/// </summary>
public static class Attacks
{
    /// <summary>global − Δ: the honest change reversed.</summary>
    public static float[] SignFlip(ReadOnlySpan<float> global, ReadOnlySpan<float> honest) => Scaled(global, honest, -1);

    /// <summary>global + factor·Δ: model replacement when factor is about the number of clients.</summary>
    public static float[] Scaled(ReadOnlySpan<float> global, ReadOnlySpan<float> honest, double factor)
    {
        var result = new float[global.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = global[i] + (float)(factor * (honest[i] - global[i]));
        }

        return result;
    }

    /// <summary>global plus independent N(0, σ²) noise on every parameter.</summary>
    public static float[] GaussianNoise(ReadOnlySpan<float> global, double sigma, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var result = new float[global.Length];
        for (var i = 0; i < result.Length; i++)
        {
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            result[i] = global[i] + (float)(sigma * gaussian);
        }

        return result;
    }

    /// <summary>
    /// "A Little Is Enough": every colluder sends μ − z·σ, the per-parameter mean and standard
    /// deviation of the honest results shifted by z = Φ⁻¹((n − s)/n), s = ⌊n/2 + 1⌋ − f, the largest
    /// shift that still looks like a majority of honest clients to median-style rules.
    /// </summary>
    public static float[] LittleIsEnough(IReadOnlyList<float[]> honest, int clients, int attackers)
    {
        ArgumentNullException.ThrowIfNull(honest);
        if (honest.Count == 0)
        {
            throw new ArgumentException("The attack needs honest results to imitate.", nameof(honest));
        }

        var z = LittleIsEnoughShift(clients, attackers);
        var length = honest[0].Length;
        var result = new float[length];
        for (var i = 0; i < length; i++)
        {
            double mean = 0, square = 0;
            foreach (var h in honest)
            {
                mean += h[i];
                square += (double)h[i] * h[i];
            }

            mean /= honest.Count;
            var std = Math.Sqrt(Math.Max(0, square / honest.Count - mean * mean));
            result[i] = (float)(mean - z * std);
        }

        return result;
    }

    /// <summary>The shift z of "A Little Is Enough" for n clients and f attackers (at least 0).</summary>
    public static double LittleIsEnoughShift(int clients, int attackers)
    {
        var s = clients / 2 + 1 - attackers;
        var p = (clients - s) / (double)clients;
        return p is > 0 and < 1 ? Math.Max(0, NormalQuantile.Of(p)) : 0;
    }
}
