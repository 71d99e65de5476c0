namespace OrleansAI.Inference.Oip;

/// <summary>An Open Inference Protocol inference request, validated.</summary>
public sealed class OipInferRequest
{
    /// <summary>Creates a request.</summary>
    public OipInferRequest(
        string? id,
        IReadOnlyList<OipInput> inputs,
        IReadOnlyList<OipRequestedOutput>? outputs = null,
        IReadOnlyDictionary<string, JsonElement>? parameters = null,
        bool binaryDataOutput = false)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        Id = id;
        Inputs = inputs;
        Outputs = outputs ?? [];
        Parameters = parameters ?? OipParameters.Empty;
        BinaryDataOutput = binaryDataOutput;
    }

    /// <summary>The client's request id, echoed in the response; null when absent.</summary>
    public string? Id { get; }

    /// <summary>The input tensors, in request order (at least one).</summary>
    public IReadOnlyList<OipInput> Inputs { get; }

    /// <summary>The outputs asked for; empty means all of the model's outputs.</summary>
    public IReadOnlyList<OipRequestedOutput> Outputs { get; }

    /// <summary>The request's parameters; empty when it had none.</summary>
    public IReadOnlyDictionary<string, JsonElement> Parameters { get; }

    /// <summary>
    /// The request's parameters.binary_data_output: return outputs as binary data unless an output says
    /// otherwise. Already folded into each <see cref="OipRequestedOutput.Binary"/>; it matters on its own
    /// when <see cref="Outputs"/> is empty.
    /// </summary>
    public bool BinaryDataOutput { get; }
}
