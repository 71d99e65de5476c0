namespace OrleansAI.Models.Specs;

/// <summary>Fully connected layer over a flat input: y = x Wᵀ + b.</summary>
/// <param name="OutFeatures">Output width.</param>
/// <param name="Bias">Whether the layer adds a bias.</param>
public sealed record LinearSpec(int OutFeatures, bool Bias = true) : LayerSpec
{
    /// <inheritdoc />
    public override string Kind => "linear";

    /// <inheritdoc />
    public override ShapeResult Infer(IReadOnlyList<int> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (OutFeatures <= 0)
        {
            return ShapeResult.Fail($"outFeatures must be positive (got {OutFeatures})");
        }

        return input.Count == 1
            ? ShapeResult.Ok(OutFeatures)
            : ShapeResult.Fail($"needs a flat input but gets {Format(input)}; add a flatten layer before it");
    }

    /// <inheritdoc />
    public override IReadOnlyList<LayerParameter> Parameters(IReadOnlyList<int> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var weight = new LayerParameter("weight", [OutFeatures, input[0]], ParameterRole.Trainable);
        return Bias ? [weight, new LayerParameter("bias", [OutFeatures], ParameterRole.Trainable)] : [weight];
    }
}
