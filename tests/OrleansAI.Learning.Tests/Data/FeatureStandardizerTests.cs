namespace OrleansAI.Learning.Tests.Data;

public sealed class FeatureStandardizerTests
{
    [Fact]
    public void FittedTransformGivesEveryFeatureZeroMeanAndUnitVariance()
    {
        var random = new Random(2);
        var features = Enumerable.Range(0, 500 * 3).Select(i => (float)((random.NextDouble() * (i % 3 + 1) * 10) + (i % 3 * 100))).ToArray();
        var data = new LabeledDataset([3], features, new int[500], 2);

        var standardized = FeatureStandardizer.Fit(data).Apply(data);

        for (var f = 0; f < 3; f++)
        {
            var column = Enumerable.Range(0, 500).Select(i => (double)standardized.Example(i)[f]).ToArray();
            var mean = column.Average();
            Assert.Equal(0, mean, 4);
            Assert.Equal(1, Math.Sqrt(column.Average(x => (x - mean) * (x - mean))), 4);
        }
    }

    [Fact]
    public void ConstantFeaturesBecomeZeroInsteadOfDividingByZero()
    {
        var data = new LabeledDataset([2], [5, 1, 5, 2, 5, 3], [0, 1, 0], 2);

        var standardizer = FeatureStandardizer.Fit(data);
        var standardized = standardizer.Apply(data);

        Assert.Equal(1f, standardizer.StandardDeviations[0]);
        Assert.Equal([0f, 0f, 0f], [standardized.Features[0], standardized.Features[2], standardized.Features[4]]);
        Assert.All(standardized.Features, x => Assert.True(float.IsFinite(x)));
    }

    [Fact]
    public void ApplyingToDataOfAnotherWidthIsRejected()
    {
        var standardizer = new FeatureStandardizer([0f, 0f], [1f, 1f]);
        var data = new LabeledDataset([3], new float[3], [0], 2);

        Assert.Throws<ArgumentException>(() => standardizer.Apply(data));
    }

    [Fact]
    public void NonPositiveStandardDeviationsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => new FeatureStandardizer([0f], [0f]));
        Assert.Throws<ArgumentException>(() => new FeatureStandardizer([0f, 1f], [1f]));
    }
}
