namespace OrleansAI.Models.Data;

/// <summary>
/// Examples held in memory as one row-major float buffer plus integer labels. It is the single
/// currency between loaders, partitioners, trainers and evaluators, so none of them depends on
/// where the data came from.
/// </summary>
public sealed class LabeledDataset
{
    /// <summary>Creates a dataset; <paramref name="features"/> holds <c>labels.Length</c> examples of <paramref name="exampleShape"/>.</summary>
    public LabeledDataset(IReadOnlyList<int> exampleShape, float[] features, int[] labels, int classes)
    {
        ArgumentNullException.ThrowIfNull(exampleShape);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (exampleShape.Count == 0 || exampleShape.Any(d => d <= 0))
        {
            throw new ArgumentException("Every dimension of an example must be positive.", nameof(exampleShape));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        ExampleShape = [.. exampleShape];
        ExampleSize = ExampleShape.Aggregate(1, (a, d) => checked(a * d));
        if (features.Length != checked(labels.Length * ExampleSize))
        {
            throw new ArgumentException($"{labels.Length} examples of {ExampleSize} values need {labels.Length * (long)ExampleSize} features, got {features.Length}.", nameof(features));
        }

        foreach (var label in labels)
        {
            if ((uint)label >= (uint)classes)
            {
                throw new ArgumentException($"Label {label} is outside 0..{classes - 1}.", nameof(labels));
            }
        }

        Features = features;
        Labels = labels;
        Classes = classes;
    }

    /// <summary>Shape of one example, e.g. [1, 28, 28] for a grey image or [13] for a table row.</summary>
    public IReadOnlyList<int> ExampleShape { get; }

    /// <summary>Number of values in one example.</summary>
    public int ExampleSize { get; }

    /// <summary>All examples, row-major, example after example.</summary>
    public float[] Features { get; }

    /// <summary>Class of each example, in 0..<see cref="Classes"/>-1.</summary>
    public int[] Labels { get; }

    /// <summary>Number of classes.</summary>
    public int Classes { get; }

    /// <summary>Number of examples.</summary>
    public int Count => Labels.Length;

    /// <summary>The values of example <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> Example(int index) => Features.AsSpan(index * ExampleSize, ExampleSize);

    /// <summary>A new dataset with the given examples, in the given order (copies).</summary>
    public LabeledDataset Subset(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var features = new float[checked(indices.Count * ExampleSize)];
        var labels = new int[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            Example(indices[i]).CopyTo(features.AsSpan(i * ExampleSize, ExampleSize));
            labels[i] = Labels[indices[i]];
        }

        return new LabeledDataset(ExampleShape, features, labels, Classes);
    }

    /// <summary>How many examples of each class the dataset holds.</summary>
    public int[] LabelHistogram()
    {
        var histogram = new int[Classes];
        foreach (var label in Labels)
        {
            histogram[label]++;
        }

        return histogram;
    }
}
