using FsCheck;
using FsCheck.Xunit;
using OrleansAI.Federation.Reputation;

namespace OrleansAI.Federation.Tests.Reputation;

public sealed class WeightedSamplerTests
{
    [Fact]
    public void OneDrawPicksEachCandidateInProportionToItsWeight()
    {
        double[] weights = [1, 2, 7];
        var counts = new int[3];
        var random = new Random(11);
        const int Draws = 40_000;
        for (var i = 0; i < Draws; i++)
        {
            counts[WeightedSampler.Sample(weights, 1, random)[0]]++;
        }

        Assert.Equal(0.1, counts[0] / (double)Draws, 2);
        Assert.Equal(0.2, counts[1] / (double)Draws, 2);
        Assert.Equal(0.7, counts[2] / (double)Draws, 2);
    }

    [Fact]
    public void InclusionProbabilitiesMatchSequentialDrawingWithoutReplacement()
    {
        double[] weights = [0.05, 0.3, 0.65, 0.65, 1.0];
        var expected = NaiveInclusion(weights, 2);
        var counts = new int[weights.Length];
        var random = new Random(5);
        const int Draws = 60_000;
        for (var i = 0; i < Draws; i++)
        {
            foreach (var index in WeightedSampler.Sample(weights, 2, random))
            {
                counts[index]++;
            }
        }

        for (var i = 0; i < weights.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - counts[i] / (double)Draws) < 0.01, $"candidate {i}: expected {expected[i]:F4}, saw {counts[i] / (double)Draws:F4}");
        }
    }

    [Fact]
    public void ZeroWeightsAreNeverChosenAndNonFiniteOnesAreRejected()
    {
        Assert.Equal([1], WeightedSampler.Sample([0, 1, -2], 3, new Random(1)));
        Assert.Throws<ArgumentException>(() => WeightedSampler.Sample([1, double.NaN], 1, new Random(1)));
    }

    [Property(MaxTest = 300)]
    public void ASampleIsDistinctBoundedAndTheSameForTheSameSeed(PositiveInt[] raw, NonNegativeInt count, int seed)
    {
        var weights = raw.Select(w => (double)w.Get).ToArray();
        var first = WeightedSampler.Sample(weights, count.Get, new Random(seed));
        var second = WeightedSampler.Sample(weights, count.Get, new Random(seed));

        Assert.Equal(first, second);
        Assert.Equal(Math.Min(count.Get, weights.Length), first.Length);
        Assert.Equal(first.Length, first.Distinct().Count());
        Assert.All(first, i => Assert.InRange(i, 0, weights.Length - 1));
    }

    // Exact inclusion probabilities of drawing k without replacement, each draw proportional to the
    // weights left: the definition the sampler must match, enumerated over every ordered draw.
    private static double[] NaiveInclusion(double[] weights, int k)
    {
        var result = new double[weights.Length];
        void Walk(List<int> chosen, double probability)
        {
            if (chosen.Count == k)
            {
                foreach (var i in chosen)
                {
                    result[i] += probability;
                }

                return;
            }

            var left = Enumerable.Range(0, weights.Length).Where(i => !chosen.Contains(i)).ToList();
            var total = left.Sum(i => weights[i]);
            foreach (var i in left)
            {
                chosen.Add(i);
                Walk(chosen, probability * weights[i] / total);
                chosen.RemoveAt(chosen.Count - 1);
            }
        }

        Walk([], 1);
        return result;
    }
}
