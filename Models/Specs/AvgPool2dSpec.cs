namespace OrleansAI.Models.Specs;

/// <summary>
/// Average pooling over square windows; the stride defaults to the kernel size. Padded cells count
/// in the average (PyTorch's default), and the ONNX export says so explicitly.
/// </summary>
/// <param name="KernelSize">Window height and width.</param>
/// <param name="Stride">Step between windows; null means the kernel size.</param>
/// <param name="Padding">Implicit zero padding on each side (at most half the kernel).</param>
public sealed record AvgPool2dSpec(int KernelSize, int? Stride = null, int Padding = 0) : LayerSpec
{
    /// <inheritdoc />
    public override string Kind => "avgpool2d";

    /// <summary>The stride in effect.</summary>
    public int EffectiveStride => Stride ?? KernelSize;

    /// <inheritdoc />
    public override ShapeResult Infer(IReadOnlyList<int> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Windows.Infer(input, KernelSize, EffectiveStride, Padding, maxPadding: KernelSize / 2, outChannels: null);
    }
}
