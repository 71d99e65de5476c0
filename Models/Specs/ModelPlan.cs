namespace OrleansAI.Models.Specs;

/// <summary>A spec that passed validation, with every shape and parameter worked out.</summary>
/// <param name="Spec">The validated spec.</param>
/// <param name="Shapes">Input shape followed by the output shape of each layer (per example).</param>
/// <param name="Parameters">All tensors in the model's single order.</param>
/// <param name="ActivationsPerExample">Activation values per example summed over all layers.</param>
public sealed record ModelPlan(
    ModelSpec Spec,
    IReadOnlyList<int[]> Shapes,
    IReadOnlyList<ParameterInfo> Parameters,
    long ActivationsPerExample)
{
    /// <summary>Number of values in all tensors (the flat vector's length).</summary>
    public int ParameterCount => Parameters.Count == 0 ? 0 : Parameters[^1].Offset + Parameters[^1].Length;

    /// <summary>Number of trainable values.</summary>
    public long TrainableCount => Parameters.Where(p => p.Role == ParameterRole.Trainable).Sum(p => (long)p.Length);

    /// <summary>Shape of one input example.</summary>
    public IReadOnlyList<int> InputShape => Spec.InputShape;

    /// <summary>Whether the model ends in a softmax (outputs probabilities rather than scores).</summary>
    public bool EndsInSoftmax => Spec.Layers.Count > 0 && Spec.Layers[^1] is SoftmaxSpec;
}
