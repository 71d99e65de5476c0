namespace OrleansAI.Models.Specs;

/// <summary>Rectified linear unit, max(0, x).</summary>
public sealed record ReluSpec : LayerSpec
{
    /// <inheritdoc />
    public override string Kind => "relu";

    /// <inheritdoc />
    public override ShapeResult Infer(IReadOnlyList<int> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ShapeResult.Ok([.. input]);
    }
}
