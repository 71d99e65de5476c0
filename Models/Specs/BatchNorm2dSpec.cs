namespace OrleansAI.Models.Specs;

/// <summary>Batch normalisation per channel of a channels × height × width input.</summary>
public sealed record BatchNorm2dSpec(double Eps = 1e-5, double Momentum = 0.1) : BatchNormSpec(Eps, Momentum)
{
    /// <inheritdoc />
    public override string Kind => "batchnorm2d";

    /// <inheritdoc />
    protected override int Features(IReadOnlyList<int> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input[0];
    }

    /// <inheritdoc />
    protected override string? CheckInput(IReadOnlyList<int> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Count == 3 ? null : $"needs a channels x height x width input but gets {Format(input)}";
    }
}
