namespace OrleansAI.Node;

/// <summary>Splits Fashion-MNIST among a simulated fleet: training data IID or Dirichlet(α) by label, the test set evenly.</summary>
public static class FleetData
{
    /// <summary>
    /// The local data of each of <paramref name="providers"/> providers. <paramref name="alpha"/> null
    /// means IID; otherwise label skew by Dirichlet(α). <paramref name="maxTrainPerProvider"/> caps each
    /// partition (small fleets in tests). Every provider's test share is disjoint, so the fleet's
    /// weighted evaluation covers the whole test set exactly once.
    /// </summary>
    public static IReadOnlyList<LocalData> FashionMnist(int providers, double? alpha, int seed, int? maxTrainPerProvider = null, string directory = Learning.Data.FashionMnist.DefaultDirectory)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(providers, 1);
        var train = Learning.Data.FashionMnist.Load(train: true, directory, normalize: true);
        var test = Learning.Data.FashionMnist.Load(train: false, directory, normalize: true);
        var trainParts = alpha is { } a
            ? DataPartitioner.Dirichlet(train.Labels, train.Classes, providers, a, seed)
            : DataPartitioner.Iid(train.Count, providers, seed);
        var testParts = DataPartitioner.Iid(test.Count, providers, seed + 1);
        return [.. Enumerable.Range(0, providers).Select(i => new LocalData(
            "fashion-mnist",
            train.Subset(maxTrainPerProvider is { } max ? [.. trainParts[i].Take(max)] : trainParts[i]),
            test.Subset(testParts[i])))];
    }
}
