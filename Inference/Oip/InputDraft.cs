namespace OrleansAI.Inference.Oip;

/// <summary>An input as read so far; its fields may arrive in any order, and binary data only at the end.</summary>
internal sealed class InputDraft(string field)
{
    /// <summary>Where the input is in the request, e.g. "inputs[0]", for error messages.</summary>
    public string Field { get; } = field;

    public string? Name { get; set; }

    public long[]? Shape { get; set; }

    public OipDatatype? Datatype { get; set; }

    public IReadOnlyDictionary<string, JsonElement> Parameters { get; set; } = OipParameters.Empty;

    public float[]? Values { get; set; }

    public int Elements { get; set; }

    public long? BinarySize { get; set; }
}
