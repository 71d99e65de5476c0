namespace OrleansAI.Learning.Data;

/// <summary>
/// Draws Gamma and Dirichlet variates from a caller-supplied <see cref="Random"/>, so a seeded
/// generator reproduces federated partitions exactly on every machine and .NET version
/// (the seeded <see cref="Random"/> algorithm is frozen for compatibility).
/// </summary>
/// <remarks>
/// Gamma uses Marsaglia and Tsang's squeeze method (2000) for shape ≥ 1 and the boost
/// Gamma(a) = Gamma(a + 1) · U^(1/a) below 1. Work happens in log space because for the small
/// concentrations that matter in non-IID simulation (alpha = 0.01) U^(1/a) underflows to zero;
/// normalising logs with a log-sum-exp keeps Dirichlet draws valid there.
/// </remarks>
public static class DirichletSampler
{
    /// <summary>One draw from Gamma(<paramref name="shape"/>, scale 1); may be zero for tiny shapes.</summary>
    public static double SampleGamma(Random random, double shape) => Math.Exp(SampleLogGamma(random, shape));

    /// <summary>The natural log of one draw from Gamma(<paramref name="shape"/>, scale 1), finite even when the draw itself underflows.</summary>
    public static double SampleLogGamma(Random random, double shape)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (!(shape > 0) || double.IsInfinity(shape))
        {
            throw new ArgumentOutOfRangeException(nameof(shape), shape, "The Gamma shape must be positive and finite.");
        }

        if (shape < 1)
        {
            var boost = Math.Log(NextOpenUnit(random)) / shape;
            return SampleLogGamma(random, shape + 1) + boost;
        }

        var d = shape - (1.0 / 3.0);
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x;
            double v;
            do
            {
                x = NextStandardNormal(random);
                v = 1.0 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = NextOpenUnit(random);
            var x2 = x * x;
            if (u < 1.0 - (0.0331 * x2 * x2) || Math.Log(u) < (0.5 * x2) + (d * (1.0 - v + Math.Log(v))))
            {
                return Math.Log(d) + Math.Log(v);
            }
        }
    }

    /// <summary>One draw from the symmetric Dirichlet(<paramref name="alpha"/>, …, <paramref name="alpha"/>) over <paramref name="dimension"/> outcomes.</summary>
    public static double[] Sample(Random random, double alpha, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        var alphas = new double[dimension];
        Array.Fill(alphas, alpha);
        return Sample(random, alphas);
    }

    /// <summary>One draw from Dirichlet(<paramref name="alphas"/>): non-negative proportions summing to 1.</summary>
    public static double[] Sample(Random random, IReadOnlyList<double> alphas)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(alphas);
        if (alphas.Count == 0)
        {
            throw new ArgumentException("A Dirichlet needs at least one concentration.", nameof(alphas));
        }

        var logs = new double[alphas.Count];
        var max = double.NegativeInfinity;
        for (var i = 0; i < logs.Length; i++)
        {
            logs[i] = SampleLogGamma(random, alphas[i]);
            max = Math.Max(max, logs[i]);
        }

        var sum = 0.0;
        for (var i = 0; i < logs.Length; i++)
        {
            logs[i] = Math.Exp(logs[i] - max);
            sum += logs[i];
        }

        for (var i = 0; i < logs.Length; i++)
        {
            logs[i] /= sum;
        }

        return logs;
    }

    private static double NextOpenUnit(Random random)
    {
        double u;
        do
        {
            u = random.NextDouble();
        }
        while (u == 0);

        return u;
    }

    private static double NextStandardNormal(Random random)
    {
        // Box–Muller; the second variate is discarded so the generator carries no hidden state.
        var radius = Math.Sqrt(-2.0 * Math.Log(NextOpenUnit(random)));
        return radius * Math.Cos(2.0 * Math.PI * random.NextDouble());
    }
}
