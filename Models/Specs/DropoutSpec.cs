namespace OrleansAI.Models.Specs;

/// <summary>Zeroes each activation with probability <see cref="P"/> during training; identity at inference.</summary>
/// <param name="P">Drop probability in [0, 1).</param>
public sealed record DropoutSpec(double P = 0.5) : LayerSpec
{
    /// <inheritdoc />
    public override string Kind => "dropout";

    /// <inheritdoc />
    public override ShapeResult Infer(IReadOnlyList<int> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return P is >= 0 and < 1
            ? ShapeResult.Ok([.. input])
            : ShapeResult.Fail($"p must be in [0, 1) (got {P.ToString(CultureInfo.InvariantCulture)})");
    }
}
