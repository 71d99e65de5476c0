namespace OrleansAI.Sdk.Inference;

/// <summary>An Open Inference Protocol (KServe v2) inference request.</summary>
public sealed class InferenceRequest
{
    /// <summary>An optional id echoed in the response.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Id { get; init; }

    /// <summary>The input tensors.</summary>
    public required IReadOnlyList<InferenceInput> Inputs { get; init; }

    /// <summary>
    /// Request parameters the server honours: <c>replication</c> (nodes that run the request and are
    /// compared, majority wins) and <c>timeout_ms</c>.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, object>? Parameters { get; init; }
}
