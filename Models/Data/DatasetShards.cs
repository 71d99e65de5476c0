namespace OrleansAI.Models.Data;

/// <summary>
/// How the platform splits a client's dataset for data-parallel training: a seeded shuffle, a held-out
/// test share, and the rest in near-equal training shards, each paired with a slice of the test
/// share for evaluating the global model. The same seed always gives the same shards, so anyone
/// holding the dataset and the job's seed can rebuild them (an arbiter replaying a disputed task).
/// </summary>
public static class DatasetShards
{
    /// <summary>One shard: examples to train on and examples to evaluate the incoming model on.</summary>
    /// <param name="Train">Training examples.</param>
    /// <param name="Test">Held-out examples.</param>
    public sealed record Shard(LabeledDataset Train, LabeledDataset Test);

    /// <summary>
    /// Splits <paramref name="data"/> into <paramref name="shards"/> shards holding back
    /// <paramref name="testShare"/> of it for evaluation. Every example lands in exactly one shard's
    /// training or test part.
    /// </summary>
    public static IReadOnlyList<Shard> Split(LabeledDataset data, int shards, double testShare, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        if (!(testShare is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testShare), testShare, "The test share must be in (0, 1).");
        }

        var testCount = Math.Max(shards, (int)Math.Round(data.Count * testShare));
        if (data.Count - testCount < shards)
        {
            throw new ArgumentException($"{data.Count} examples cannot make {shards} shards with a training and a test part each.", nameof(shards));
        }

        var order = Enumerable.Range(0, data.Count).ToArray();
        new Random(seed).Shuffle(order);
        var test = order.AsSpan(0, testCount);
        var train = order.AsSpan(testCount);
        var result = new List<Shard>(shards);
        for (var s = 0; s < shards; s++)
        {
            result.Add(new Shard(data.Subset([.. Slice(train, s, shards)]), data.Subset([.. Slice(test, s, shards)])));
        }

        return result;
    }

    // Shard s of n takes [s·len/n, (s+1)·len/n): sizes differ by at most one.
    private static ReadOnlySpan<int> Slice(ReadOnlySpan<int> items, int s, int n)
    {
        var begin = (int)((long)items.Length * s / n);
        var end = (int)((long)items.Length * (s + 1) / n);
        return items[begin..end];
    }
}
