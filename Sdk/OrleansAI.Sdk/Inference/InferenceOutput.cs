using System.Runtime.InteropServices;

namespace OrleansAI.Sdk.Inference;

/// <summary>One output tensor of an inference response.</summary>
/// <param name="Name">Output name: <c>logits</c> (FP32) or <c>label</c> (INT64).</param>
/// <param name="Shape">Its shape; the first dimension is the batch.</param>
/// <param name="Datatype">OIP datatype.</param>
/// <param name="Data">The values, flattened row-major (absent when they came as binary data).</param>
/// <param name="Parameters">The output's parameters, e.g. <c>binary_data_size</c> when its values follow the JSON as bytes.</param>
public sealed record InferenceOutput(string Name, IReadOnlyList<long> Shape, string Datatype, JsonElement Data, JsonElement? Parameters = null)
{
    /// <summary>The values as raw little-endian bytes, when the server sent them with the binary tensor extension.</summary>
    [JsonIgnore]
    public ReadOnlyMemory<byte>? Binary { get; init; }

    /// <summary>The values as floats (FP32 and other numeric outputs).</summary>
    public float[] ToSingles() => Binary is { } raw
        ? Datatype == "FP32" ? MemoryMarshal.Cast<byte, float>(raw.Span).ToArray() : throw new InvalidOperationException($"Binary {Datatype} is not read as floats.")
        : [.. Data.EnumerateArray().Select(e => e.GetSingle())];

    /// <summary>The values as 64-bit integers (INT64 outputs such as <c>label</c>).</summary>
    public long[] ToInt64s() => Binary is { } raw
        ? Datatype == "INT64" ? MemoryMarshal.Cast<byte, long>(raw.Span).ToArray() : throw new InvalidOperationException($"Binary {Datatype} is not read as 64-bit integers.")
        : [.. Data.EnumerateArray().Select(e => e.GetInt64())];
}
