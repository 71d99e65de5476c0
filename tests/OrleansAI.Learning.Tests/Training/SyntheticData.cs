namespace OrleansAI.Learning.Tests.Training;

/// <summary>Small labelled data made on the spot: classes are Gaussian blobs, so a model can learn them quickly.</summary>
internal static class SyntheticData
{
    public static LabeledDataset Blobs(int count, int[] shape, int classes, int seed, double spread = 0.5)
    {
        var random = new Random(seed);
        var size = shape.Aggregate(1, (a, d) => a * d);
        var centres = Enumerable.Range(0, classes).Select(_ => Enumerable.Range(0, size).Select(_ => random.NextDouble() * 2 - 1).ToArray()).ToArray();
        var features = new float[count * size];
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            var label = i % classes;
            labels[i] = label;
            for (var j = 0; j < size; j++)
            {
                features[i * size + j] = (float)(centres[label][j] + spread * Gaussian(random));
            }
        }

        return new LabeledDataset(shape, features, labels, classes);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
