namespace OrleansAI.Models.Specs;

/// <summary>
/// Turns the final scores into probabilities. Allowed only as the last layer, over a flat input;
/// training still uses the scores before it, so the loss stays numerically stable.
/// </summary>
public sealed record SoftmaxSpec : LayerSpec
{
    /// <inheritdoc />
    public override string Kind => "softmax";

    /// <inheritdoc />
    public override ShapeResult Infer(IReadOnlyList<int> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Count == 1 ? ShapeResult.Ok(input[0]) : ShapeResult.Fail($"needs a flat input but gets {Format(input)}");
    }
}
