namespace OrleansAI.Models.Specs;

/// <summary>Batch normalisation settings shared by the 1-D and 2-D layers.</summary>
/// <param name="Eps">Added to the variance for stability.</param>
/// <param name="Momentum">Weight of the current batch in the running statistics.</param>
public abstract record BatchNormSpec(double Eps, double Momentum) : LayerSpec
{
    /// <summary>Number of normalised features (channels).</summary>
    protected abstract int Features(IReadOnlyList<int> input);

    /// <summary>Checks the input rank; null when it fits.</summary>
    protected abstract string? CheckInput(IReadOnlyList<int> input);

    /// <inheritdoc />
    public override ShapeResult Infer(IReadOnlyList<int> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (CheckInput(input) is { } error)
        {
            return ShapeResult.Fail(error);
        }

        if (Eps is <= 0 or > 1)
        {
            return ShapeResult.Fail($"eps must be in (0, 1] (got {Eps.ToString(CultureInfo.InvariantCulture)})");
        }

        return Momentum is > 0 and <= 1
            ? ShapeResult.Ok([.. input])
            : ShapeResult.Fail($"momentum must be in (0, 1] (got {Momentum.ToString(CultureInfo.InvariantCulture)})");
    }

    /// <inheritdoc />
    public override IReadOnlyList<LayerParameter> Parameters(IReadOnlyList<int> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var features = Features(input);
        return
        [
            new LayerParameter("weight", [features], ParameterRole.Trainable),
            new LayerParameter("bias", [features], ParameterRole.Trainable),
            new LayerParameter("running_mean", [features], ParameterRole.Buffer),
            new LayerParameter("running_var", [features], ParameterRole.Buffer),
        ];
    }
}
