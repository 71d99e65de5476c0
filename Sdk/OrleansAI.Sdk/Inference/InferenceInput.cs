namespace OrleansAI.Sdk.Inference;

/// <summary>One input tensor of an Open Inference Protocol request.</summary>
/// <param name="Name">The model's input name (see the model's metadata).</param>
/// <param name="Shape">Its shape; the first dimension is the batch.</param>
/// <param name="Datatype">OIP datatype, for example <c>FP32</c>.</param>
/// <param name="Data">The values, flattened row-major (an array of numbers).</param>
public sealed record InferenceInput(string Name, IReadOnlyList<long> Shape, string Datatype, [property: JsonConverter(typeof(TensorDataConverter))] Array Data)
{
    /// <summary>An FP32 input of <paramref name="shape"/> holding <paramref name="data"/>.</summary>
    /// <param name="name">The model's input name.</param>
    /// <param name="data">Values, flattened row-major.</param>
    /// <param name="shape">Shape; its product must be the number of values.</param>
    public static InferenceInput Fp32(string name, float[] data, params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        var count = shape.Aggregate(1L, (a, d) => a * d);
        if (count != data.Length)
        {
            throw new ArgumentException($"The shape [{string.Join(", ", shape)}] holds {count} values; {data.Length} were given.", nameof(shape));
        }

        return new(name, shape, "FP32", data);
    }
}
