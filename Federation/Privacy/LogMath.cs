namespace OrleansAI.Federation.Privacy;

/// <summary>
/// Log-space arithmetic for the accountant. The terms of the RDP series span hundreds of orders of
/// magnitude (a binomial of order 63 times q^i and a Gaussian moment e^{i²/2σ²}), so every sum is
/// kept as a logarithm and only differences of logarithms are ever exponentiated.
/// </summary>
internal static class LogMath
{
    private static readonly double LogSqrtPi = 0.5 * Math.Log(Math.PI);

    /// <summary>log(e^x + e^y); −∞ stands for zero.</summary>
    public static double LogAdd(double logX, double logY)
    {
        var (small, large) = logX < logY ? (logX, logY) : (logY, logX);
        if (double.IsNegativeInfinity(small))
        {
            return large;
        }

        return Log1P(Math.Exp(small - large)) + large;
    }

    /// <summary>log(e^x − e^y) for x ≥ y; −∞ stands for zero.</summary>
    /// <exception cref="ArgumentException">x &lt; y: the difference would be negative.</exception>
    public static double LogSub(double logX, double logY)
    {
        if (logX < logY)
        {
            throw new ArgumentException("The difference of the two terms is negative.", nameof(logY));
        }

        if (double.IsNegativeInfinity(logY))
        {
            return logX;
        }

        if (logX == logY)
        {
            return double.NegativeInfinity;
        }

        var gap = ExpM1(logX - logY);
        // e^{x−y} overflows only when e^y is negligible beside e^x.
        return double.IsPositiveInfinity(gap) ? logX : Math.Log(gap) + logY;
    }

    /// <summary>log(1 + x), accurate for small x (Math.Log(1 + x) loses every digit below 1e-16).</summary>
    public static double Log1P(double x)
    {
        var u = 1.0 + x;
        if (u == 1.0)
        {
            return x;
        }

        // Kahan's correction: the rounding error of 1 + x cancels in the ratio.
        return double.IsPositiveInfinity(u) ? Math.Log(u) : Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>e^x − 1, accurate for small x.</summary>
    public static double ExpM1(double x)
    {
        if (Math.Abs(x) > 0.5)
        {
            return Math.Exp(x) - 1.0;
        }

        var u = Math.Exp(x);
        if (u == 1.0)
        {
            return x;
        }

        // Kahan's correction, as in Log1P.
        var m = u - 1.0;
        return m * x / Math.Log(u);
    }

    /// <summary>
    /// log(erfc(x)) for any real x. .NET has no erfc, and the fractional-order series needs its
    /// logarithm far into the tail (x of several hundred, where erfc itself underflows), so the
    /// tail is computed as −x² − log√π + log(continued fraction) without ever forming e^{−x²}.
    /// </summary>
    public static double LogErfc(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x < 0)
        {
            // erfc(−x) = 2 − erfc(x), which lies in [1, 2]: no cancellation.
            return Math.Log(2.0 - Erfc(-x));
        }

        if (x < 1.0)
        {
            return Log1P(-ErfSeries(x));
        }

        return -(x * x) - LogSqrtPi + Math.Log(ErfcContinuedFraction(x));
    }

    /// <summary>erfc(x) for x ≥ 0, to about 1e-15 relative.</summary>
    private static double Erfc(double x) =>
        x < 1.0 ? 1.0 - ErfSeries(x) : Math.Exp(-(x * x) - LogSqrtPi) * ErfcContinuedFraction(x);

    /// <summary>
    /// erf(x) for 0 ≤ x &lt; 1 from the series 2/√π·e^{−x²}·Σ 2ⁿx^{2n+1}/(1·3···(2n+1)), whose
    /// terms are all positive, so it has none of the cancellation of the alternating Taylor series.
    /// </summary>
    private static double ErfSeries(double x)
    {
        var term = x;
        var sum = x;
        var twoXSquared = 2.0 * x * x;
        for (var n = 1; n < 200 && term > 1e-17 * sum; n++)
        {
            term *= twoXSquared / (2 * n + 1);
            sum += term;
        }

        return 2.0 * Math.Exp(-(x * x) - LogSqrtPi) * sum;
    }

    /// <summary>
    /// erfc(x)·√π·e^{x²} for x ≥ 1, the continued fraction 1/(x + ½/(x + 1/(x + 3⁄2/(x + …)))),
    /// evaluated by the modified Lentz method. It converges for every x &gt; 0, fastest for large x;
    /// from x = 1 up a few hundred terms reach double precision.
    /// </summary>
    private static double ErfcContinuedFraction(double x)
    {
        const double Tiny = 1e-300;
        var f = x;
        var c = x;
        var d = 0.0;
        for (var n = 1; n < 5000; n++)
        {
            var a = 0.5 * n;
            d = x + a * d;
            d = d == 0 ? Tiny : 1.0 / d;
            c = x + a / c;
            if (c == 0)
            {
                c = Tiny;
            }

            var delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1.0) < 1e-16)
            {
                break;
            }
        }

        return 1.0 / f;
    }
}
