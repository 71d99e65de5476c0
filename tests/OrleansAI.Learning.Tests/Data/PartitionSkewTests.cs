namespace OrleansAI.Learning.Tests.Data;

public sealed class PartitionSkewTests
{
    [Fact]
    public void BalancedClientsHaveMaxShareOneOverClassesAndNoDivergence()
    {
        int[][] histograms = [[5, 5, 5, 5], [2, 2, 2, 2]];

        Assert.Equal(0.25, PartitionSkew.MeanMaxClassShare(histograms), 12);
        Assert.Equal(0.0, PartitionSkew.MeanKlToGlobal(histograms), 12);
    }

    [Fact]
    public void SingleClassClientsHaveMaxShareOneAndDivergenceLogClasses()
    {
        int[][] histograms = [[7, 0, 0], [0, 7, 0], [0, 0, 7]];

        Assert.Equal(1.0, PartitionSkew.MeanMaxClassShare(histograms), 12);
        Assert.Equal(Math.Log(3), PartitionSkew.MeanKlToGlobal(histograms), 12);
    }

    [Fact]
    public void EmptyOrRaggedHistogramsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => PartitionSkew.MeanMaxClassShare([]));
        Assert.Throws<ArgumentException>(() => PartitionSkew.MeanKlToGlobal([[1, 2], [1]]));
        Assert.Throws<ArgumentException>(() => PartitionSkew.MeanKlToGlobal([[1, 2], [0, 0]]));
    }
}
