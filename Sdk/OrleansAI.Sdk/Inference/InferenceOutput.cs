using System.Text.Json;

namespace OrleansAI.Sdk.Inference;

/// <summary>One output tensor of an inference response.</summary>
/// <param name="Name">Output name: <c>logits</c> (FP32) or <c>label</c> (INT64).</param>
/// <param name="Shape">Its shape; the first dimension is the batch.</param>
/// <param name="Datatype">OIP datatype.</param>
/// <param name="Data">The values, flattened row-major.</param>
public sealed record InferenceOutput(string Name, IReadOnlyList<long> Shape, string Datatype, JsonElement Data)
{
    /// <summary>The values as floats (FP32 and other numeric outputs).</summary>
    public float[] ToSingles() => [.. Data.EnumerateArray().Select(e => e.GetSingle())];

    /// <summary>The values as 64-bit integers (INT64 outputs such as <c>label</c>).</summary>
    public long[] ToInt64s() => [.. Data.EnumerateArray().Select(e => e.GetInt64())];
}
