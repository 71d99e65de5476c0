using FsCheck;
using FsCheck.Xunit;
using OrleansAI.Federation.Privacy;

namespace OrleansAI.Federation.Tests.Privacy;

public sealed class SampledGaussianRdpTests
{
    [Theory]
    [InlineData(1.5, 0.7)]
    [InlineData(2.0, 1.0)]
    [InlineData(7.3, 4.0)]
    [InlineData(32.0, 2.5)]
    public void WithoutSubsamplingItIsThePlainGaussianMechanism(double alpha, double sigma)
    {
        Assert.Equal(alpha / (2 * sigma * sigma), SampledGaussianRdp.Compute(1.0, sigma, alpha), 14);
    }

    [Fact]
    public void NobodySampledCostsNothingAndNoNoiseCostsEverything()
    {
        Assert.Equal(0, SampledGaussianRdp.Compute(0.0, 1.0, 2.5));
        Assert.Equal(0, SampledGaussianRdp.Compute(0.0, 0.0, 8));
        Assert.Equal(double.PositiveInfinity, SampledGaussianRdp.Compute(0.01, 0.0, 8));
        Assert.Equal(double.PositiveInfinity, SampledGaussianRdp.Compute(0.01, 1.0, double.PositiveInfinity));
    }

    [Theory]
    [InlineData(-0.1, 1.0, 2.0)]
    [InlineData(1.1, 1.0, 2.0)]
    [InlineData(0.1, -1.0, 2.0)]
    [InlineData(0.1, double.NaN, 2.0)]
    [InlineData(0.1, 1.0, 1.0)]
    [InlineData(0.1, 1.0, 0.5)]
    public void OutOfRangeParametersAreRefused(double q, double sigma, double alpha)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SampledGaussianRdp.Compute(q, sigma, alpha));
    }

    [Property(MaxTest = 200)]
    public bool IntegerOrdersMatchTheDirectBinomialSum(PositiveInt alphaSeed, NormalFloat qSeed, NormalFloat sigmaSeed)
    {
        // For α ≤ 20, q in [0.001, 0.5] and σ in [0.8, 5], A_α = Σ C(α, i) qⁱ (1 − q)^{α−i} e^{(i² − i)/(2σ²)}
        // stays far from overflow, so a plain double sum is an independent reference for the log-space path.
        var alpha = 2 + alphaSeed.Get % 19;
        var q = 0.001 + Fraction(qSeed.Get) * 0.499;
        var sigma = 0.8 + Fraction(sigmaSeed.Get) * 4.2;
        var a = 0.0;
        for (var i = 0; i <= alpha; i++)
        {
            a += Binomial(alpha, i) * Math.Pow(q, i) * Math.Pow(1 - q, alpha - i) * Math.Exp((i * i - i) / (2 * sigma * sigma));
        }

        var expected = Math.Log(a) / (alpha - 1);
        var actual = SampledGaussianRdp.Compute(q, sigma, alpha);

        return Math.Abs(actual - expected) <= 1e-11 * Math.Max(1, expected);
    }

    [Theory]
    [InlineData(0.01, 1.1, 1.5)]
    [InlineData(0.05, 1.0, 2.7)]
    [InlineData(0.2, 2.0, 5.5)]
    [InlineData(0.5, 3.0, 9.9)]
    [InlineData(0.001, 0.8, 3.3)]
    public void FractionalOrdersMatchNumericalIntegrationOfTheDefinition(double q, double sigma, double alpha)
    {
        // A_α = E_{z~N(0,σ²)}[((1 − q) + q·e^{(2z − 1)/(2σ²)})^α], integrated by Simpson's rule over
        // ±40σ around the integrand's bulk: independent of the series, the split point and erfc.
        var a = 0.0;
        var low = -40 * sigma;
        var high = 40 * sigma + alpha;
        const int Intervals = 400_000;
        var h = (high - low) / Intervals;
        for (var k = 0; k <= Intervals; k++)
        {
            var z = low + k * h;
            var weight = k == 0 || k == Intervals ? 1 : k % 2 == 1 ? 4 : 2;
            var logDensity = -(z * z) / (2 * sigma * sigma) - Math.Log(sigma * Math.Sqrt(2 * Math.PI));
            var logRatio = Math.Log((1 - q) + q * Math.Exp((2 * z - 1) / (2 * sigma * sigma)));
            a += weight * Math.Exp(logDensity + alpha * logRatio);
        }

        var expected = Math.Log(a * h / 3) / (alpha - 1);
        var actual = SampledGaussianRdp.Compute(q, sigma, alpha);

        Assert.True(Math.Abs(actual - expected) <= 1e-9 * Math.Max(1e-3, expected), $"RDP = {actual:R}, integral gives {expected:R}");
    }

    [Theory]
    [InlineData(0.01, 1.1, 2)]
    [InlineData(0.04, 1.5, 7)]
    [InlineData(0.3, 0.9, 12)]
    public void TheFractionalSeriesMeetsTheIntegerSumAtIntegerOrders(double q, double sigma, int alpha)
    {
        // The two paths are different formulas; just off an integer the fractional one must agree
        // with the integer one up to the (tiny) change of the order.
        var atInteger = SampledGaussianRdp.Compute(q, sigma, alpha);
        var justAbove = SampledGaussianRdp.Compute(q, sigma, alpha + 1e-9);

        Assert.True(Math.Abs(justAbove - atInteger) <= 1e-7 * atInteger, $"{atInteger:R} vs {justAbove:R}");
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(4.0)]
    [InlineData(20.0)]
    public void RdpGrowsWithTheSamplingRateAndTheOrderAndFallsWithTheNoise(double alpha)
    {
        Assert.True(SampledGaussianRdp.Compute(0.01, 1.0, alpha) < SampledGaussianRdp.Compute(0.02, 1.0, alpha));
        Assert.True(SampledGaussianRdp.Compute(0.01, 1.0, alpha) > SampledGaussianRdp.Compute(0.01, 1.2, alpha));
        Assert.True(SampledGaussianRdp.Compute(0.01, 1.0, alpha) < SampledGaussianRdp.Compute(0.01, 1.0, alpha + 0.5));
    }

    [Fact]
    public void SmallRatesFollowTheSecondOrderExpansionOfTheMoment()
    {
        // For small q, A_α = 1 + C(α, 2)·q²·(e^{1/σ²} − 1) + O(q³), so the RDP is close to
        // (α/2)·q²·(e^{1/σ²} − 1): quadratic in q, far below the plain Gaussian's α/(2σ²).
        const double Q = 0.001;
        const double Sigma = 2.0;
        const int Alpha = 4;
        var expansion = Alpha / 2.0 * Q * Q * (Math.Exp(1 / (Sigma * Sigma)) - 1);

        var rdp = SampledGaussianRdp.Compute(Q, Sigma, Alpha);

        Assert.InRange(rdp / expansion, 0.99, 1.01);
        Assert.True(rdp < 1e-4 * SampledGaussianRdp.Compute(1.0, Sigma, Alpha));
    }

    [Theory]
    [InlineData(0.01, 1.1)]
    [InlineData(0.3, 5.0)]
    [InlineData(0.01, 1e5)]
    [InlineData(0.5, 1e6)]
    public void SubsamplingNeverCostsMoreThanThePlainGaussianAndNeverRoundsToFree(double q, double sigma)
    {
        // At σ = 1e5 and 1e6 the true log(A_α) is below double precision beside 1; the result must
        // still be positive (a free step would be a false privacy claim) and within the bound.
        foreach (var alpha in RdpOrders.Default)
        {
            var rdp = SampledGaussianRdp.Compute(q, sigma, alpha);

            Assert.True(rdp > 0, $"α = {alpha}");
            Assert.True(rdp <= alpha / (2 * sigma * sigma), $"α = {alpha}: {rdp:R}");
        }
    }

    [Fact]
    public void StepsMultiplyTheRdpAndZeroStepsCostNothingEvenWithoutNoise()
    {
        double[] orders = [1.5, 2, 10];
        var one = SampledGaussianRdp.Compute(0.02, 1.3, 1, orders);
        var many = SampledGaussianRdp.Compute(0.02, 1.3, 500, orders);

        for (var k = 0; k < orders.Length; k++)
        {
            Assert.Equal(500 * one[k], many[k], 12);
        }

        Assert.All(SampledGaussianRdp.Compute(0.02, 0.0, 0, orders), r => Assert.Equal(0, r));
    }

    private static double Fraction(double x) => double.IsFinite(x) ? Math.Abs(x) % 1.0 : 0.5;

    private static double Binomial(int n, int k)
    {
        var c = 1.0;
        for (var i = 1; i <= k; i++)
        {
            c = c * (n - k + i) / i;
        }

        return c;
    }
}
