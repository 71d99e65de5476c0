namespace OrleansAI.Node.Serving;

/// <summary>What the gateway says about a model to hold: where its ONNX file is and what it must hash to.</summary>
/// <param name="Key">Model version key.</param>
/// <param name="OnnxUrl">Read URL of the ONNX file.</param>
/// <param name="Sha256">Its SHA-256 (lower-case hex) in the registry.</param>
/// <param name="Length">Its length in bytes.</param>
/// <param name="InputName">The graph's input.</param>
/// <param name="OutputName">The graph's output.</param>
/// <param name="RowShape">Shape of one input row (no batch dimension).</param>
/// <param name="OutputWidth">Output values per row.</param>
public sealed record ModelDescriptor(string Key, Uri OnnxUrl, string Sha256, long Length, string InputName, string OutputName, IReadOnlyList<long> RowShape, long OutputWidth)
{
    /// <summary>Input values per row.</summary>
    public long RowSize => RowShape.Aggregate(1L, (a, b) => a * b);
}
