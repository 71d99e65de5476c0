namespace OrleansAI.Models.Specs;

/// <summary>Max pooling over square windows; the stride defaults to the kernel size.</summary>
/// <param name="KernelSize">Window height and width.</param>
/// <param name="Stride">Step between windows; null means the kernel size.</param>
/// <param name="Padding">Implicit padding on each side (at most half the kernel).</param>
public sealed record MaxPool2dSpec(int KernelSize, int? Stride = null, int Padding = 0) : LayerSpec
{
    /// <inheritdoc />
    public override string Kind => "maxpool2d";

    /// <summary>The stride in effect.</summary>
    public int EffectiveStride => Stride ?? KernelSize;

    /// <inheritdoc />
    public override ShapeResult Infer(IReadOnlyList<int> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Windows.Infer(input, KernelSize, EffectiveStride, Padding, maxPadding: KernelSize / 2, outChannels: null);
    }
}
