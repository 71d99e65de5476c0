namespace OrleansAI.Models.Specs;

/// <summary>Flattens each example to one dimension.</summary>
public sealed record FlattenSpec : LayerSpec
{
    /// <inheritdoc />
    public override string Kind => "flatten";

    /// <inheritdoc />
    public override ShapeResult Infer(IReadOnlyList<int> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var size = 1L;
        foreach (var d in input)
        {
            size *= d;
        }

        return size <= int.MaxValue ? ShapeResult.Ok((int)size) : ShapeResult.Fail($"flattening {Format(input)} overflows");
    }
}
