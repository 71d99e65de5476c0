namespace OrleansAI.Models.Specs;

/// <summary>Shape rule shared by convolution and pooling: square windows sliding over C×H×W.</summary>
internal static class Windows
{
    public static ShapeResult Infer(IReadOnlyList<int> input, int kernel, int stride, int padding, int maxPadding, int? outChannels)
    {
        if (input.Count != 3)
        {
            return ShapeResult.Fail($"needs a channels x height x width input but gets {string.Join('x', input)}");
        }

        if (kernel <= 0)
        {
            return ShapeResult.Fail($"kernelSize must be positive (got {kernel})");
        }

        if (stride <= 0)
        {
            return ShapeResult.Fail($"stride must be positive (got {stride})");
        }

        if (padding < 0 || padding > maxPadding)
        {
            return ShapeResult.Fail($"padding must be between 0 and {maxPadding} (got {padding})");
        }

        var height = input[1] + 2 * padding;
        var width = input[2] + 2 * padding;
        if (kernel > height || kernel > width)
        {
            return ShapeResult.Fail($"kernelSize {kernel} is larger than the padded input {height}x{width}");
        }

        return ShapeResult.Ok(outChannels ?? input[0], (height - kernel) / stride + 1, (width - kernel) / stride + 1);
    }
}
