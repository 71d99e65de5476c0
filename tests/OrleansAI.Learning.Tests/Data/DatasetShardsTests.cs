using FsCheck.Xunit;

namespace OrleansAI.Learning.Tests.Data;

public sealed class DatasetShardsTests
{
    [Property(MaxTest = 200)]
    public void EveryExampleLandsInExactlyOneShardAndShardsDifferByAtMostOne(int seed)
    {
        var random = new Random(seed);
        var count = random.Next(20, 400);
        var shardCount = random.Next(1, Math.Min(10, count / 4));
        // Each example's single feature is its own index, so shards can be traced back.
        var data = new LabeledDataset([1], [.. Enumerable.Range(0, count).Select(i => (float)i)], [.. Enumerable.Range(0, count).Select(i => i % 3)], 3);

        var shards = DatasetShards.Split(data, shardCount, 0.1, seed);

        var seen = shards.SelectMany(s => s.Train.Features.Concat(s.Test.Features)).Select(f => (int)f).Order().ToList();
        Assert.Equal(Enumerable.Range(0, count), seen);
        Assert.True(shards.Max(s => s.Train.Count) - shards.Min(s => s.Train.Count) <= 1);
        Assert.True(shards.Max(s => s.Test.Count) - shards.Min(s => s.Test.Count) <= 1);
        Assert.All(shards, s => Assert.True(s.Test.Count > 0));
        Assert.All(shards.SelectMany(s => new[] { s.Train, s.Test }).SelectMany(d => d.Features.Zip(d.Labels)), p => Assert.Equal((int)p.First % 3, p.Second));
    }

    [Fact]
    public void TheSameSeedGivesTheSameShardsAndAnotherSeedOthers()
    {
        var data = new LabeledDataset([1], [.. Enumerable.Range(0, 100).Select(i => (float)i)], [.. Enumerable.Range(0, 100).Select(i => i % 2)], 2);

        var a = DatasetShards.Split(data, 4, 0.2, 7);
        var b = DatasetShards.Split(data, 4, 0.2, 7);
        var c = DatasetShards.Split(data, 4, 0.2, 8);

        Assert.Equal(a.Select(s => s.Train.Features), b.Select(s => s.Train.Features));
        Assert.NotEqual(a[0].Train.Features, c[0].Train.Features);
    }

    [Fact]
    public void TooFewExamplesForTheShardsAreRefused()
    {
        var data = new LabeledDataset([1], [1, 2, 3, 4, 5], [0, 1, 0, 1, 0], 2);

        Assert.Throws<ArgumentException>(() => DatasetShards.Split(data, 3, 0.1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DatasetShards.Split(data, 1, 1.0, 1));
    }
}
