using System.Numerics.Tensors;
using OrleansAI.Federation.Privacy;

namespace OrleansAI.Federation.Tests.Privacy;

public sealed class DpFedAvgTests
{
    [Fact]
    public void WithoutNoiseTheModelMovesByTheSumOfClippedChangesOverTheExpectedCohortAsANaiveReferenceComputesIt()
    {
        for (var seed = 0; seed < 100; seed++)
        {
            var (current, updates) = RandomUpdates.Round(seed, minClients: 1, maxClients: 12);
            var clip = 0.5 + seed % 7;
            var expected = updates.Length + seed % 3;
            var noise = new RecordingNoise();
            var strategy = new DpFedAvg(Options(1.0, clip, expected), noise);

            var outcome = strategy.AggregateFit(1, current, updates, []);

            var reference = new double[current.Length];
            foreach (var update in updates)
            {
                var delta = update.Parameters.Select((p, i) => (double)p - current[i]).ToArray();
                var norm = Math.Sqrt(delta.Sum(d => d * d));
                var scale = norm > clip ? clip / norm : 1;
                for (var i = 0; i < delta.Length; i++)
                {
                    reference[i] += delta[i] * scale;
                }
            }

            for (var i = 0; i < current.Length; i++)
            {
                Assert.Equal(current[i] + reference[i] / expected, outcome.Parameters![i], 3);
            }
        }
    }

    [Fact]
    public void TheNoiseOnTheSumIsTheMultiplierTimesTheBoundAndOneClientMovesTheSumByAtMostTheBound()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 200; trial++)
        {
            var (current, updates) = RandomUpdates.Round(trial, minClients: 2, maxClients: 10);
            var clip = 0.1 + random.NextDouble() * 3;
            var noise = new RecordingNoise();
            new DpFedAvg(Options(1.3, clip, updates.Length), noise).AggregateFit(1, current, updates, []);

            // One client joining with anything at all, even a huge update, moves the clipped sum by at
            // most C (add/remove adjacency, the one the accountant assumes).
            var joined = updates.Append(new ClientUpdate("x", [.. current.Select(c => c + (float)(random.NextDouble() - 0.5) * 1e4f)], 1)).ToArray();
            var moved = TensorPrimitives.Distance(ClippedSum(current, updates, clip), ClippedSum(current, joined, clip));

            Assert.Equal(1.3 * clip, Assert.Single(noise.Requested), 9);
            Assert.True(moved <= clip * (1 + 1e-5), $"one client moved the sum by {moved}, bound {clip}");
        }
    }

    [Fact]
    public void AClaimOfManyExamplesBuysNoMoreInfluenceThanAnyOtherClient()
    {
        float[] current = [0, 0];
        ClientUpdate[] honest = [new("a", [1, 0], 10), new("b", [0, 1], 10)];
        ClientUpdate[] liar = [new("a", [1, 0], 10), new("b", [0, 1], 1_000_000_000)];

        var fair = new DpFedAvg(Options(1, 5, 2), new RecordingNoise()).AggregateFit(1, current, honest, []);
        var claimed = new DpFedAvg(Options(1, 5, 2), new RecordingNoise()).AggregateFit(1, current, liar, []);

        Assert.Equal(fair.Parameters, claimed.Parameters);
    }

    [Fact]
    public void AdaptiveClippingGivesTheCountItsShareOfTheNoiseAndSettlesNearTheTargetQuantile()
    {
        var options = Options(1.0, 10, 100) with { AdaptiveClipping = true, TargetQuantile = 0.5, ClipLearningRate = 0.2 };
        var noise = new SeededGaussianNoise(3);
        var strategy = new DpFedAvg(options, noise);
        float[] current = [0];
        var random = new Random(11);

        for (var round = 1; round <= 200; round++)
        {
            // Norms spread log-uniformly between 0.1 and 10: their median is 1.
            var updates = Enumerable.Range(0, 100).Select(i => new ClientUpdate($"c{i}", [(float)Math.Pow(10, random.NextDouble() * 2 - 1)], 1)).ToArray();
            strategy.AggregateFit(round, current, updates, []);
        }

        // z_Δ = (1 − (2·5)⁻²)^(−1/2) with σ_b = m/20 = 5.
        Assert.Equal(1 / Math.Sqrt(1 - 1 / 100.0), options.UpdateNoiseMultiplier, 12);
        Assert.InRange(strategy.ClipNorm, 0.7, 1.4);
    }

    [Theory]
    [InlineData(0, 1, 10)]
    [InlineData(1, 0, 10)]
    [InlineData(1, 1, 0)]
    public void SettingsThatCannotBePrivateAreRefused(double noiseMultiplier, double clip, int expected)
    {
        Assert.Throws<ArgumentException>(() => new DpFedAvg(Options(noiseMultiplier, clip, expected), new RecordingNoise()));
    }

    [Fact]
    public void AdaptiveClippingWhoseCountNoiseLeavesNothingForTheUpdatesIsRefused()
    {
        var options = Options(2, 1, 10) with { AdaptiveClipping = true, CountNoise = 0.9 };

        Assert.Contains("count noise", options.Problem(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void BothNoiseSourcesDrawAStandardNormalScaledToTheAskedDeviation(bool secure)
    {
        IGaussianNoise noise = secure ? SecureGaussianNoise.Instance : new SeededGaussianNoise(5);
        var values = new float[200_000];

        noise.Add(values, 2.5);

        var mean = values.Average(v => (double)v);
        var deviation = Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
        var beyondThree = values.Count(v => Math.Abs(v) > 3 * 2.5) / (double)values.Length;
        Assert.InRange(mean, -0.03, 0.03);
        Assert.InRange(deviation, 2.5 * 0.99, 2.5 * 1.01);
        // A normal puts 0.27 % beyond three deviations.
        Assert.InRange(beyondThree, 0.0020, 0.0034);
    }

    private static DpFedAvgOptions Options(double z, double clip, int expected) =>
        new() { NoiseMultiplier = z, ClipNorm = clip, ExpectedClients = expected };

    private static float[] ClippedSum(float[] current, IReadOnlyList<ClientUpdate> updates, double clip)
    {
        var sum = new float[current.Length];
        var scratch = new float[current.Length];
        foreach (var update in updates)
        {
            DpFedAvg.AddClipped(update.Parameters, current, clip, sum, scratch);
        }

        return sum;
    }

    // Adds nothing and remembers what it was asked for.
    private sealed class RecordingNoise : IGaussianNoise
    {
        public List<double> Requested { get; } = [];

        public void Add(Span<float> values, double standardDeviation) => Requested.Add(standardDeviation);

        public double Draw(double standardDeviation) => 0;
    }
}
