namespace OrleansAI.Learning.Data;

/// <summary>
/// A loaded table plus what is needed to load the matching split the same way and to read results:
/// the class mapping, the feature order and the fitted standardiser, if any.
/// </summary>
/// <param name="Dataset">The rows, with example shape [feature count].</param>
/// <param name="ClassNames">Original label text of each class id (index = id).</param>
/// <param name="FeatureNames">Header name of each feature, in example order.</param>
/// <param name="Standardizer">The standardiser applied to the features, or null if they are raw.</param>
public sealed record TabularData(
    LabeledDataset Dataset,
    IReadOnlyList<string> ClassNames,
    IReadOnlyList<string> FeatureNames,
    FeatureStandardizer? Standardizer);
