namespace OrleansAI.Learning.Data;

/// <summary>
/// Per-feature standardisation, (x − mean) / std, with the statistics fitted once on training data
/// and then applied unchanged to validation and test data. Keeping the fitted statistics as an object
/// (instead of standardising each split on its own) is what prevents test-set leakage and keeps every
/// federated client on the same input scale.
/// </summary>
public sealed class FeatureStandardizer
{
    /// <summary>Standard deviations at or below this are treated as constant features.</summary>
    public const double ConstantThreshold = 1e-12;

    /// <summary>Uses given statistics, e.g. ones fitted earlier and stored with a model.</summary>
    public FeatureStandardizer(IReadOnlyList<float> means, IReadOnlyList<float> standardDeviations)
    {
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(standardDeviations);
        if (means.Count == 0 || means.Count != standardDeviations.Count)
        {
            throw new ArgumentException($"Need one mean and one standard deviation per feature, got {means.Count} and {standardDeviations.Count}.", nameof(standardDeviations));
        }

        if (means.Any(m => !float.IsFinite(m)) || standardDeviations.Any(s => !float.IsFinite(s) || s <= 0))
        {
            throw new ArgumentException("Means must be finite and standard deviations finite and positive.", nameof(standardDeviations));
        }

        Means = [.. means];
        StandardDeviations = [.. standardDeviations];
    }

    /// <summary>Mean of each feature (position within an example) in the fitted data.</summary>
    public IReadOnlyList<float> Means { get; }

    /// <summary>
    /// Population standard deviation of each feature in the fitted data; 1 for constant features, so
    /// they become 0 rather than a division by zero.
    /// </summary>
    public IReadOnlyList<float> StandardDeviations { get; }

    /// <summary>Number of features per example this transform expects.</summary>
    public int FeatureCount => Means.Count;

    /// <summary>Fits means and population standard deviations of every feature of <paramref name="data"/>.</summary>
    public static FeatureStandardizer Fit(LabeledDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Count == 0)
        {
            throw new ArgumentException("Cannot fit a standardiser on an empty dataset.", nameof(data));
        }

        var size = data.ExampleSize;
        var sums = new double[size];
        for (var i = 0; i < data.Count; i++)
        {
            var example = data.Example(i);
            for (var f = 0; f < size; f++)
            {
                sums[f] += example[f];
            }
        }

        var means = sums.Select(s => s / data.Count).ToArray();
        var squares = new double[size];
        for (var i = 0; i < data.Count; i++)
        {
            var example = data.Example(i);
            for (var f = 0; f < size; f++)
            {
                var delta = example[f] - means[f];
                squares[f] += delta * delta;
            }
        }

        var stds = squares.Select(s => Math.Sqrt(s / data.Count)).Select(s => s > ConstantThreshold ? (float)s : 1f).ToArray();
        return new FeatureStandardizer([.. means.Select(m => (float)m)], stds);
    }

    /// <summary>A copy of <paramref name="data"/> with every feature standardised; labels and shape unchanged.</summary>
    public LabeledDataset Apply(LabeledDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.ExampleSize != FeatureCount)
        {
            throw new ArgumentException($"This standardiser was fitted on {FeatureCount} features per example; the data has {data.ExampleSize}.", nameof(data));
        }

        var features = new float[data.Features.Length];
        for (var i = 0; i < features.Length; i++)
        {
            var f = i % FeatureCount;
            features[i] = (data.Features[i] - Means[f]) / StandardDeviations[f];
        }

        return new LabeledDataset(data.ExampleShape, features, data.Labels, data.Classes);
    }
}
