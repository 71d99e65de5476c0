namespace OrleansAI.Inference.Oip;

/// <summary>An output the client asked for, with how it wants it returned.</summary>
public sealed class OipRequestedOutput
{
    /// <summary>Creates a requested output.</summary>
    public OipRequestedOutput(string name, IReadOnlyDictionary<string, JsonElement>? parameters = null, bool binary = false, int? classification = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (classification is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(classification), classification, "The classification count must be at least 1.");
        }

        Name = name;
        Parameters = parameters ?? OipParameters.Empty;
        Binary = binary;
        Classification = classification;
    }

    /// <summary>The output's name.</summary>
    public string Name { get; }

    /// <summary>The output's parameters; empty when it had none.</summary>
    public IReadOnlyDictionary<string, JsonElement> Parameters { get; }

    /// <summary>
    /// Whether to return the output as binary data: its parameters.binary_data when given, otherwise the
    /// request's parameters.binary_data_output (the binary tensor data extension's override rule).
    /// </summary>
    public bool Binary { get; }

    /// <summary>The classification extension's parameters.classification: return the top N classes instead of the tensor.</summary>
    public int? Classification { get; }
}
