namespace OrleansAI.Models.Specs;

/// <summary>2-D convolution with a square kernel over a channels × height × width input.</summary>
/// <param name="OutChannels">Number of filters.</param>
/// <param name="KernelSize">Kernel height and width.</param>
/// <param name="Stride">Step between windows.</param>
/// <param name="Padding">Zero padding on each side.</param>
/// <param name="Bias">Whether each filter adds a bias.</param>
public sealed record Conv2dSpec(int OutChannels, int KernelSize, int Stride = 1, int Padding = 0, bool Bias = true) : LayerSpec
{
    /// <inheritdoc />
    public override string Kind => "conv2d";

    /// <inheritdoc />
    public override ShapeResult Infer(IReadOnlyList<int> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (OutChannels <= 0)
        {
            return ShapeResult.Fail($"outChannels must be positive (got {OutChannels})");
        }

        return Windows.Infer(input, KernelSize, Stride, Padding, maxPadding: KernelSize - 1, OutChannels);
    }

    /// <inheritdoc />
    public override IReadOnlyList<LayerParameter> Parameters(IReadOnlyList<int> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var weight = new LayerParameter("weight", [OutChannels, input[0], KernelSize, KernelSize], ParameterRole.Trainable);
        return Bias ? [weight, new LayerParameter("bias", [OutChannels], ParameterRole.Trainable)] : [weight];
    }
}
