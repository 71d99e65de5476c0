namespace OrleansAI.Inference.Oip;

/// <summary>One input tensor of an inference request, its elements converted to float32.</summary>
public sealed class OipInput
{
    /// <summary>Creates an input.</summary>
    public OipInput(string name, long[] shape, OipDatatype datatype, float[] values, IReadOnlyDictionary<string, JsonElement>? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(values);
        Name = name;
        Shape = shape;
        Datatype = datatype;
        Values = values;
        Parameters = parameters ?? OipParameters.Empty;
    }

    /// <summary>The tensor's name.</summary>
    public string Name { get; }

    /// <summary>The tensor's dimensions.</summary>
    public long[] Shape { get; }

    /// <summary>The datatype the client declared (the values are float32 whatever it was).</summary>
    public OipDatatype Datatype { get; }

    /// <summary>The elements in row-major order, converted to float32 (BOOL as 1 and 0).</summary>
    public float[] Values { get; }

    /// <summary>The input's parameters; empty when the request had none.</summary>
    public IReadOnlyDictionary<string, JsonElement> Parameters { get; }
}
