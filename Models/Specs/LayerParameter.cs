namespace OrleansAI.Models.Specs;

/// <summary>One tensor a layer owns, named as in PyTorch (weight, bias, running_mean, running_var).</summary>
/// <param name="LocalName">Name within the layer.</param>
/// <param name="Shape">Tensor shape.</param>
/// <param name="Role">Trainable or buffer.</param>
public sealed record LayerParameter(string LocalName, int[] Shape, ParameterRole Role);
