namespace OrleansAI.Federation.Privacy;

/// <summary>
/// Rényi differential privacy of the Poisson-subsampled Gaussian mechanism (each record joins a
/// step with probability q; Gaussian noise of standard deviation σ times the L2 sensitivity is
/// added), after Mironov, Talwar and Zhang, "Rényi Differential Privacy of the Sampled Gaussian
/// Mechanism" (2019), section 3.3. The RDP at order α is log(A_α)/(α − 1), where A_α is the
/// α-th moment of the likelihood ratio of (1 − q)·N(0, σ²) + q·N(1, σ²) to N(0, σ²).
/// </summary>
public static class SampledGaussianRdp
{
    private static readonly double Log2 = Math.Log(2.0);
    private static readonly double Sqrt2 = Math.Sqrt(2.0);

    /// <summary>
    /// The fractional series stops once both of its new terms fall below e^{-30} of the unit: the
    /// remaining tail is then far below double precision of the sum (the reference code stops at the same point).
    /// </summary>
    private const double FractionalTailLog = -30;

    /// <summary>Bounds the fractional series; it converges long before this for any σ &gt; 0 and q &lt; 1.</summary>
    private const int MaxFractionalTerms = 1_000_000;

    /// <summary>
    /// The RDP of one step at order <paramref name="order"/>: 0 when q = 0, α/(2σ²) (the plain
    /// Gaussian mechanism) when q = 1, +∞ when σ = 0 (no noise: no privacy) or α = +∞.
    /// </summary>
    /// <param name="sampleRate">q, the probability that a record (or a client) joins a step, in [0, 1].</param>
    /// <param name="noiseMultiplier">σ, the noise's standard deviation over the clipping norm, ≥ 0.</param>
    /// <param name="order">α &gt; 1.</param>
    public static double Compute(double sampleRate, double noiseMultiplier, double order)
    {
        Validate(sampleRate, noiseMultiplier);
        if (double.IsNaN(order) || order <= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, "RDP orders must be greater than 1.");
        }

        if (sampleRate == 0)
        {
            return 0;
        }

        if (noiseMultiplier == 0 || double.IsPositiveInfinity(order))
        {
            return double.PositiveInfinity;
        }

        if (sampleRate == 1)
        {
            return order / (2 * noiseMultiplier * noiseMultiplier);
        }

        var logA = order == Math.Floor(order) && order <= int.MaxValue
            ? LogAIntegerOrder(sampleRate, noiseMultiplier, (int)order)
            : LogAFractionalOrder(sampleRate, noiseMultiplier, order);
        // Subsampling never increases the divergence (Rényi divergence is quasi-convex), so the plain
        // Gaussian's α/(2σ²) bounds the result. It matters only for huge σ, where log(A_α) is a few
        // ulps above 0 and rounding can push it to 0 or below: the bound then stands in, so the
        // accountant never reports a falsely free step.
        var plainGaussian = order / (2 * noiseMultiplier * noiseMultiplier);
        var rdp = logA / (order - 1);
        return rdp > 0 ? Math.Min(rdp, plainGaussian) : plainGaussian;
    }

    /// <summary>
    /// The RDP of <paramref name="steps"/> identical steps at each of <paramref name="orders"/>:
    /// RDP composes by addition at a fixed order, so it is the one-step value times the steps.
    /// </summary>
    public static double[] Compute(double sampleRate, double noiseMultiplier, long steps, IReadOnlyList<double> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        var rdp = new double[orders.Count];
        for (var k = 0; k < rdp.Length; k++)
        {
            var one = Compute(sampleRate, noiseMultiplier, orders[k]);
            // Zero steps cost nothing, even for a mechanism with no noise (avoids ∞·0 = NaN).
            rdp[k] = steps == 0 ? 0 : one * steps;
        }

        return rdp;
    }

    internal static void Validate(double sampleRate, double noiseMultiplier)
    {
        if (double.IsNaN(sampleRate) || sampleRate < 0 || sampleRate > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "The sampling rate must lie in [0, 1].");
        }

        if (double.IsNaN(noiseMultiplier) || noiseMultiplier < 0 || double.IsPositiveInfinity(noiseMultiplier))
        {
            throw new ArgumentOutOfRangeException(nameof(noiseMultiplier), noiseMultiplier, "The noise multiplier must be finite and non-negative.");
        }
    }

    /// <summary>
    /// log(A_α) for integer α: the finite binomial expansion
    /// A_α = Σ_{i=0..α} C(α, i)·qⁱ·(1 − q)^{α−i}·e^{(i² − i)/(2σ²)}, all terms positive.
    /// </summary>
    private static double LogAIntegerOrder(double q, double sigma, int alpha)
    {
        var logQ = Math.Log(q);
        var log1MinusQ = LogMath.Log1P(-q);
        var twoSigmaSquared = 2 * sigma * sigma;
        var logA = double.NegativeInfinity;
        // log C(α, i), built up term by term: .NET has no log-gamma, and the ratio
        // C(α, i)/C(α, i − 1) = (α − i + 1)/i keeps it exact to a few ulps.
        var logBinomial = 0.0;
        for (var i = 0; i <= alpha; i++)
        {
            if (i > 0)
            {
                logBinomial += Math.Log(alpha - i + 1) - Math.Log(i);
            }

            var term = logBinomial + i * logQ + (alpha - i) * log1MinusQ + ((double)i * i - i) / twoSigmaSquared;
            logA = LogMath.LogAdd(logA, term);
        }

        return logA;
    }

    /// <summary>
    /// log(A_α) for fractional α. The integral defining A_α is split at
    /// z₀ = σ²·log(1/q − 1) + ½, where the two mixture components cross; on each side the
    /// integrand is expanded by the generalised binomial series, whose i-th term is a Gaussian
    /// moment times a Gaussian tail probability (hence erfc). The coefficients C(α, i) change sign
    /// once i exceeds α, so the sums mix log-additions and log-subtractions.
    /// </summary>
    private static double LogAFractionalOrder(double q, double sigma, double alpha)
    {
        var logQ = Math.Log(q);
        var log1MinusQ = LogMath.Log1P(-q);
        var twoSigmaSquared = 2 * sigma * sigma;
        var erfcScale = Sqrt2 * sigma;
        var z0 = sigma * sigma * (Math.Log(1 - q) - logQ) + 0.5;
        var logA0 = double.NegativeInfinity;
        var logA1 = double.NegativeInfinity;
        var logCoefficient = 0.0;
        var positive = true;
        for (var i = 0; i < MaxFractionalTerms; i++)
        {
            if (i > 0)
            {
                // C(α, i) = C(α, i − 1)·(α − i + 1)/i; α − i + 1 is never 0 for fractional α.
                var ratio = (alpha - i + 1) / i;
                logCoefficient += Math.Log(Math.Abs(ratio));
                positive = positive == ratio > 0;
            }

            var j = alpha - i;
            var logT0 = logCoefficient + i * logQ + j * log1MinusQ;
            var logT1 = logCoefficient + j * logQ + i * log1MinusQ;
            var logE0 = LogMath.LogErfc((i - z0) / erfcScale) - Log2;
            var logE1 = LogMath.LogErfc((z0 - j) / erfcScale) - Log2;
            var logS0 = logT0 + ((double)i * i - i) / twoSigmaSquared + logE0;
            var logS1 = logT1 + (j * j - j) / twoSigmaSquared + logE1;
            if (positive)
            {
                logA0 = LogMath.LogAdd(logA0, logS0);
                logA1 = LogMath.LogAdd(logA1, logS1);
            }
            else
            {
                logA0 = LogMath.LogSub(logA0, logS0);
                logA1 = LogMath.LogSub(logA1, logS1);
            }

            if (Math.Max(logS0, logS1) < FractionalTailLog)
            {
                return LogMath.LogAdd(logA0, logA1);
            }
        }

        // A truncated sum would understate the privacy loss: refuse rather than under-report.
        throw new ArithmeticException($"The RDP series did not converge for q = {q}, σ = {sigma}, α = {alpha}.");
    }
}
