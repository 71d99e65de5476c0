namespace OrleansAI.Node;

/// <summary>A provider's own data: what it trains on and the held-out part it evaluates global models on.</summary>
/// <param name="Dataset">The dataset's name as jobs ask for it.</param>
/// <param name="Train">Training examples.</param>
/// <param name="Test">Held-out test examples.</param>
public sealed record LocalData(string Dataset, LabeledDataset Train, LabeledDataset Test);
