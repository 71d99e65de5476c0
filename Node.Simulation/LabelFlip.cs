namespace OrleansAI.Node.Simulation;

/// <summary>The label-flip poisoning attack on a dataset.</summary>
public static class LabelFlip
{
    /// <summary>The same examples with every label y replaced by C − 1 − y.</summary>
    public static LabeledDataset Of(LabeledDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new LabeledDataset(data.ExampleShape, data.Features, [.. data.Labels.Select(y => data.Classes - 1 - y)], data.Classes);
    }
}
