namespace OrleansAI.Models.Specs;

/// <summary>Batch normalisation over flat features.</summary>
public sealed record BatchNorm1dSpec(double Eps = 1e-5, double Momentum = 0.1) : BatchNormSpec(Eps, Momentum)
{
    /// <inheritdoc />
    public override string Kind => "batchnorm1d";

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
        return input.Count == 1 ? null : $"needs a flat input but gets {Format(input)}";
    }
}
