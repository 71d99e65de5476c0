namespace OrleansAI.Models.Weights;

/// <summary>One float32 tensor read from or written to a safetensors file.</summary>
/// <param name="Name">Tensor name.</param>
/// <param name="Shape">Tensor shape.</param>
/// <param name="Values">Values, row-major.</param>
public sealed record SafetensorsTensor(string Name, int[] Shape, float[] Values);
