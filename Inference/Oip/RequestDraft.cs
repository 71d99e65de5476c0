namespace OrleansAI.Inference.Oip;

/// <summary>A request as read so far, before the checks that need all of it.</summary>
internal sealed class RequestDraft
{
    public string? Id { get; set; }

    public List<InputDraft> Inputs { get; } = [];

    public List<OutputDraft> Outputs { get; } = [];

    public IReadOnlyDictionary<string, JsonElement> Parameters { get; set; } = OipParameters.Empty;
}
