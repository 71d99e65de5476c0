namespace OrleansAI.Sdk.Inference;

/// <summary>An Open Inference Protocol inference response.</summary>
/// <param name="ModelName">The model that answered.</param>
/// <param name="ModelVersion">Its version.</param>
/// <param name="Id">The request's id, if it had one.</param>
/// <param name="Outputs">The output tensors.</param>
/// <param name="Parameters">What the server adds, for example how many nodes agreed.</param>
public sealed record InferenceResponse(
    [property: JsonPropertyName("model_name")] string ModelName,
    [property: JsonPropertyName("model_version")] string? ModelVersion,
    string? Id,
    IReadOnlyList<InferenceOutput> Outputs,
    JsonElement? Parameters)
{
    /// <summary>The output called <paramref name="name"/>.</summary>
    public InferenceOutput Output(string name) =>
        Outputs.FirstOrDefault(o => o.Name == name) ?? throw new KeyNotFoundException($"The response has no output '{name}'.");
}
