namespace OrleansAI.Learning.Tests.Data;

public sealed class DataPartitionerTests
{
    private const int Classes = 10;

    private static readonly int[] BalancedLabels = SyntheticLabels.Balanced(Classes, 1_000);

    [Fact]
    public void DifferentSeedsGiveDifferentPartitionsForEveryStrategy()
    {
        Assert.False(SyntheticLabels.Same(DataPartitioner.Iid(1_000, 10, seed: 1), DataPartitioner.Iid(1_000, 10, seed: 2)));
        Assert.False(SyntheticLabels.Same(
            DataPartitioner.Dirichlet(BalancedLabels, Classes, 10, 0.5, seed: 1),
            DataPartitioner.Dirichlet(BalancedLabels, Classes, 10, 0.5, seed: 2)));
        Assert.False(SyntheticLabels.Same(
            DataPartitioner.Shards(BalancedLabels, 10, 2, seed: 1),
            DataPartitioner.Shards(BalancedLabels, 10, 2, seed: 2)));
    }

    [Fact]
    public void SameSeedGivesIdenticalPartitionsForEveryStrategy()
    {
        SyntheticLabels.AssertSame(DataPartitioner.Iid(1_000, 7, seed: 42), DataPartitioner.Iid(1_000, 7, seed: 42));
        SyntheticLabels.AssertSame(
            DataPartitioner.Dirichlet(BalancedLabels, Classes, 7, 0.1, seed: 42),
            DataPartitioner.Dirichlet(BalancedLabels, Classes, 7, 0.1, seed: 42));
        SyntheticLabels.AssertSame(
            DataPartitioner.Shards(BalancedLabels, 7, 3, seed: 42),
            DataPartitioner.Shards(BalancedLabels, 7, 3, seed: 42));
    }

    [Fact]
    public void IidHistogramsAreCloseToGlobalProportions()
    {
        var parts = DataPartitioner.Iid(BalancedLabels.Length, 10, seed: 7);

        var histograms = DataPartitioner.LabelHistograms(BalancedLabels, Classes, parts);

        // Each client holds 1,000 examples; a class share has a standard error of about 0.0095.
        foreach (var histogram in histograms)
        {
            Assert.All(histogram, count => Assert.InRange(count / 1_000.0, 0.1 - 0.05, 0.1 + 0.05));
        }

        Assert.True(PartitionSkew.MeanKlToGlobal(histograms) < 0.01);
    }

    [Fact]
    public void DirichletWithSmallAlphaGivesSkewedLabelHistograms()
    {
        var skewed = DataPartitioner.LabelHistograms(BalancedLabels, Classes, DataPartitioner.Dirichlet(BalancedLabels, Classes, 20, alpha: 0.1, seed: 3));
        var even = DataPartitioner.LabelHistograms(BalancedLabels, Classes, DataPartitioner.Dirichlet(BalancedLabels, Classes, 20, alpha: 100, seed: 3));

        var skewedShare = PartitionSkew.MeanMaxClassShare(skewed);
        var evenShare = PartitionSkew.MeanMaxClassShare(even);
        var skewedKl = PartitionSkew.MeanKlToGlobal(skewed);
        var evenKl = PartitionSkew.MeanKlToGlobal(even);

        Assert.True(skewedShare > 0.5, $"alpha 0.1: mean max-class share {skewedShare:F3}");
        Assert.True(evenShare < 0.2, $"alpha 100: mean max-class share {evenShare:F3}");
        Assert.True(skewedKl > 20 * evenKl, $"KL to global: alpha 0.1 {skewedKl:F4}, alpha 100 {evenKl:F4}");
    }

    [Fact]
    public void DirichletSkewGrowsAsAlphaShrinks()
    {
        double[] alphas = [100, 1, 0.1];
        var kls = alphas
            .Select(alpha => DataPartitioner.LabelHistograms(BalancedLabels, Classes, DataPartitioner.Dirichlet(BalancedLabels, Classes, 20, alpha, seed: 11)))
            .Select(PartitionSkew.MeanKlToGlobal)
            .ToArray();

        Assert.True(kls[0] < kls[1] && kls[1] < kls[2], $"KL by alpha 100, 1, 0.1: {string.Join(", ", kls)}");
    }

    [Fact]
    public void DirichletRepairsClientsWhenNoDrawMeetsTheMinimum()
    {
        // With alpha 0.001 nearly every class lands on one client, so 50 clients cannot all reach 15
        // examples by redrawing; the repair must still deliver the floor.
        var labels = SyntheticLabels.Balanced(Classes, 100);

        var parts = DataPartitioner.Dirichlet(labels, Classes, 50, alpha: 0.001, seed: 5, minExamplesPerClient: 15);

        SyntheticLabels.AssertDisjointCover(parts, labels.Length);
        Assert.All(parts, p => Assert.True(p.Length >= 15, $"client has {p.Length} examples"));
        SyntheticLabels.AssertSame(parts, DataPartitioner.Dirichlet(labels, Classes, 50, alpha: 0.001, seed: 5, minExamplesPerClient: 15));
    }

    [Fact]
    public void ShardsGiveEachClientAtMostKLabelsWhenShardsAlignWithClasses()
    {
        // 10,000 examples in 40 shards of 250: each class is exactly four shards.
        var parts = DataPartitioner.Shards(BalancedLabels, 20, shardsPerClient: 2, seed: 9);

        var histograms = DataPartitioner.LabelHistograms(BalancedLabels, Classes, parts);

        Assert.All(histograms, h => Assert.InRange(h.Count(n => n > 0), 1, 2));
        Assert.All(parts, p => Assert.Equal(500, p.Length));
    }

    [Fact]
    public void ShardsGiveEachClientAtMostTwiceKLabelsWhenShardsStraddleClasses()
    {
        var labels = SyntheticLabels.Random(9_973, Classes, seed: 4);

        var parts = DataPartitioner.Shards(labels, 30, shardsPerClient: 3, seed: 4);

        var histograms = DataPartitioner.LabelHistograms(labels, Classes, parts);
        Assert.All(histograms, h => Assert.InRange(h.Count(n => n > 0), 1, 6));
        Assert.True(PartitionSkew.MeanMaxClassShare(histograms) > 0.3);
    }

    [Fact]
    public void LabelHistogramsCountEachClientsLabels()
    {
        int[] labels = [0, 1, 2, 2, 1, 0, 2];
        int[][] parts = [[0, 2, 3], [1, 4, 5, 6]];

        var histograms = DataPartitioner.LabelHistograms(labels, 3, parts);

        Assert.Equal([1, 0, 2], histograms[0]);
        Assert.Equal([1, 2, 1], histograms[1]);
    }

    [Fact]
    public void TooFewExamplesForTheMinimumAreRejected()
    {
        var labels = SyntheticLabels.Balanced(2, 10);

        var error = Assert.Throws<ArgumentException>(() => DataPartitioner.Dirichlet(labels, 2, 3, 1.0, seed: 0, minExamplesPerClient: 7));

        Assert.Contains("3 clients", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidArgumentsAreRejected()
    {
        int[] labels = [0, 1, 2, 3];
        Assert.Throws<ArgumentOutOfRangeException>(() => DataPartitioner.Iid(3, 4, seed: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DataPartitioner.Iid(3, 0, seed: 0));
        Assert.Throws<ArgumentException>(() => DataPartitioner.Dirichlet(labels, 3, 2, 1.0, seed: 0, minExamplesPerClient: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DataPartitioner.Dirichlet(labels, 4, 2, 0.0, seed: 0, minExamplesPerClient: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DataPartitioner.Dirichlet(labels, 4, 2, double.NaN, seed: 0, minExamplesPerClient: 1));
        Assert.Throws<ArgumentException>(() => DataPartitioner.Shards(labels, 3, 2, seed: 0));
    }
}
