namespace OrleansAI.Sdk.Inference;

/// <summary>A served model's Open Inference Protocol metadata.</summary>
/// <param name="Name">Model name.</param>
/// <param name="Versions">Its versions.</param>
/// <param name="Platform">The runtime that serves it.</param>
/// <param name="Inputs">Its inputs.</param>
/// <param name="Outputs">Its outputs.</param>
public sealed record ModelMetadata(string Name, IReadOnlyList<string> Versions, string Platform, IReadOnlyList<TensorMetadata> Inputs, IReadOnlyList<TensorMetadata> Outputs);
