namespace OrleansAI.Models.Specs;

/// <summary>
/// One tensor of a model in the model's single parameter order: its full name (as PyTorch names
/// it, <c>layers.{i}.{local}</c>), shape, role, and where it sits in the flat parameter vector.
/// </summary>
/// <param name="Name">Full name, e.g. <c>layers.0.weight</c>.</param>
/// <param name="LayerIndex">Index of the owning layer.</param>
/// <param name="Shape">Tensor shape.</param>
/// <param name="Role">Trainable or buffer.</param>
/// <param name="Offset">First index in the flat vector.</param>
/// <param name="Length">Number of values.</param>
public sealed record ParameterInfo(string Name, int LayerIndex, int[] Shape, ParameterRole Role, int Offset, int Length);
