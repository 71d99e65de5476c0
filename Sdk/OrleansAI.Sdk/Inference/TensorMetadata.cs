namespace OrleansAI.Sdk.Inference;

/// <summary>A model input or output as its metadata describes it.</summary>
/// <param name="Name">Tensor name.</param>
/// <param name="Datatype">OIP datatype.</param>
/// <param name="Shape">Shape; -1 marks the batch dimension.</param>
public sealed record TensorMetadata(string Name, string Datatype, IReadOnlyList<long> Shape);
