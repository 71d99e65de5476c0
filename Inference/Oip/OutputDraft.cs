namespace OrleansAI.Inference.Oip;

/// <summary>A requested output as read; <see cref="Binary"/> is null when the output leaves it to the request.</summary>
internal sealed record OutputDraft(string Name, IReadOnlyDictionary<string, JsonElement> Parameters, bool? Binary, int? Classification);
