using FsCheck.Xunit;

namespace OrleansAI.Learning.Tests.Data;

/// <summary>Invariants every partition must keep, for arbitrary sizes, label mixes and seeds.</summary>
public sealed class DataPartitionerPropertyTests
{
    [Property(MaxTest = 60)]
    public void IidIsADisjointCoverWithSizesWithinOne(ushort rawCount, byte rawClients, int seed)
    {
        var clients = 1 + (rawClients % 50);
        var count = clients + (rawCount % 3_000);

        var parts = DataPartitioner.Iid(count, clients, seed);

        Assert.Equal(clients, parts.Count);
        SyntheticLabels.AssertDisjointCover(parts, count);
        Assert.InRange(parts.Max(p => p.Length) - parts.Min(p => p.Length), 0, 1);
        SyntheticLabels.AssertSame(parts, DataPartitioner.Iid(count, clients, seed));
    }

    [Property(MaxTest = 60)]
    public void DirichletIsADisjointCoverGivingEveryClientItsMinimum(ushort rawCount, byte rawClients, byte rawClasses, byte rawAlpha, byte rawMin, int seed)
    {
        var clients = 1 + (rawClients % 30);
        var classes = 1 + (rawClasses % 12);
        var min = rawMin % 15;
        var count = (clients * Math.Max(min, 1)) + (rawCount % 2_000);
        double[] alphas = [0.01, 0.05, 0.1, 0.5, 1, 10, 1_000];
        var alpha = alphas[rawAlpha % alphas.Length];
        var labels = SyntheticLabels.Random(count, classes, seed);

        var parts = DataPartitioner.Dirichlet(labels, classes, clients, alpha, seed, min);

        Assert.Equal(clients, parts.Count);
        SyntheticLabels.AssertDisjointCover(parts, count);
        Assert.All(parts, p => Assert.True(p.Length >= Math.Max(min, 1), $"a client got {p.Length} examples, fewer than {Math.Max(min, 1)}"));
        SyntheticLabels.AssertSame(parts, DataPartitioner.Dirichlet(labels, classes, clients, alpha, seed, min));
    }

    [Property(MaxTest = 60)]
    public void ShardsAreADisjointCoverOfKNearEqualShardsPerClient(ushort rawCount, byte rawClients, byte rawShards, byte rawClasses, int seed)
    {
        var clients = 1 + (rawClients % 30);
        var shardsPerClient = 1 + (rawShards % 4);
        var classes = 2 + (rawClasses % 10);
        var shards = clients * shardsPerClient;
        var count = shards + (rawCount % 3_000);
        var labels = SyntheticLabels.Random(count, classes, seed);

        var parts = DataPartitioner.Shards(labels, clients, shardsPerClient, seed);

        SyntheticLabels.AssertDisjointCover(parts, count);
        var smallestShard = count / shards;
        Assert.All(parts, p => Assert.InRange(p.Length, shardsPerClient * smallestShard, shardsPerClient * (smallestShard + 1)));
        SyntheticLabels.AssertSame(parts, DataPartitioner.Shards(labels, clients, shardsPerClient, seed));
    }

    [Property(MaxTest = 40)]
    public void HistogramsAddUpToTheGlobalLabelCounts(ushort rawCount, byte rawClasses, int seed)
    {
        var classes = 2 + (rawClasses % 10);
        var count = 20 + (rawCount % 2_000);
        var labels = SyntheticLabels.Random(count, classes, seed);
        var parts = DataPartitioner.Dirichlet(labels, classes, 5, 0.3, seed, minExamplesPerClient: 2);

        var histograms = DataPartitioner.LabelHistograms(labels, classes, parts);

        for (var k = 0; k < classes; k++)
        {
            Assert.Equal(labels.Count(l => l == k), histograms.Sum(h => h[k]));
        }

        Assert.Equal(parts.Select(p => p.Length), histograms.Select(h => h.Sum()));
    }
}
