namespace OrleansAI.Models.Specs;

/// <summary>Gaussian error linear unit with the exact erf form (PyTorch's default).</summary>
public sealed record GeluSpec : LayerSpec
{
    /// <inheritdoc />
    public override string Kind => "gelu";

    /// <inheritdoc />
    public override ShapeResult Infer(IReadOnlyList<int> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ShapeResult.Ok([.. input]);
    }
}
