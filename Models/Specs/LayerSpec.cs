namespace OrleansAI.Models.Specs;

/// <summary>
/// One layer of a declarative architecture. Layers know their own shape rules and parameters, so
/// validation, module building, weight layout and ONNX export all follow one definition.
/// </summary>
public abstract record LayerSpec
{
    /// <summary>The layer's <c>type</c> in JSON, e.g. <c>conv2d</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>Output shape of one example for the input shape of one example.</summary>
    public abstract ShapeResult Infer(IReadOnlyList<int> input);

    /// <summary>The tensors the layer owns for that input, in the order they are stored.</summary>
    public virtual IReadOnlyList<LayerParameter> Parameters(IReadOnlyList<int> input) => [];

    /// <summary>Formats a shape as <c>1x28x28</c> for messages.</summary>
    protected static string Format(IReadOnlyList<int> shape) => string.Join('x', shape);
}
