namespace OrleansAI.Learning.Tests.Data;

public sealed class DirichletSamplerTests
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.5)]
    [InlineData(30.0)]
    public void GammaDrawsHaveMeanAndVarianceEqualToTheShape(double shape)
    {
        const int Draws = 50_000;
        var random = new Random(17);
        var samples = Enumerable.Range(0, Draws).Select(_ => DirichletSampler.SampleGamma(random, shape)).ToArray();

        var mean = samples.Average();
        var variance = samples.Average(x => (x - mean) * (x - mean));

        // Gamma(k, 1): mean k, variance k, excess kurtosis 6/k; allow five standard errors.
        Assert.InRange(mean, shape - (5 * Math.Sqrt(shape / Draws)), shape + (5 * Math.Sqrt(shape / Draws)));
        var relativeError = 5 * Math.Sqrt((2 + (6 / shape)) / Draws);
        Assert.InRange(variance / shape, 1 - relativeError, 1 + relativeError);
        Assert.All(samples, x => Assert.True(x >= 0));
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.1)]
    [InlineData(1.0)]
    [InlineData(1_000.0)]
    public void DirichletDrawsAreProportionsEvenForTinyConcentrations(double alpha)
    {
        var random = new Random(3);
        for (var i = 0; i < 200; i++)
        {
            var p = DirichletSampler.Sample(random, alpha, 10);

            Assert.All(p, x => Assert.True(x >= 0 && double.IsFinite(x)));
            Assert.Equal(1.0, p.Sum(), 9);
        }
    }

    [Fact]
    public void SymmetricDirichletHasUniformMeanAndConcentratesWithAlpha()
    {
        var random = new Random(8);
        var sparse = Enumerable.Range(0, 5_000).Select(_ => DirichletSampler.Sample(random, 0.1, 4)).ToArray();
        var dense = Enumerable.Range(0, 5_000).Select(_ => DirichletSampler.Sample(random, 100, 4)).ToArray();

        for (var k = 0; k < 4; k++)
        {
            Assert.InRange(sparse.Average(p => p[k]), 0.22, 0.28);
            Assert.InRange(dense.Average(p => p[k]), 0.24, 0.26);
        }

        Assert.True(sparse.Average(p => p.Max()) > 0.8);
        Assert.True(dense.Average(p => p.Max()) < 0.3);
    }

    [Fact]
    public void SameSeedGivesSameDraws()
    {
        var a = DirichletSampler.Sample(new Random(99), 0.3, 6);
        var b = DirichletSampler.Sample(new Random(99), 0.3, 6);

        Assert.Equal(a, b);
    }

    [Fact]
    public void NonPositiveShapesAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DirichletSampler.SampleGamma(new Random(1), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DirichletSampler.SampleGamma(new Random(1), -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DirichletSampler.Sample(new Random(1), double.PositiveInfinity, 3));
    }
}
