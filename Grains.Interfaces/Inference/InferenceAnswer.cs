namespace OrleansAI.Grains.Interfaces.Inference;

/// <summary>A node's answer to a relayed call: the output rows (float32 bytes), or why there are none.</summary>
/// <param name="Output">Row-major float32 bytes, or null.</param>
/// <param name="Error">Why it failed, or null.</param>
/// <param name="Signature">The node's session-key signature of the answer.</param>
/// <param name="SessionKey">The session key it signed with.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.InferenceAnswer")]
public sealed record InferenceAnswer(
    [property: Id(0)] byte[]? Output,
    [property: Id(1)] string? Error,
    [property: Id(2)] byte[]? Signature = null,
    [property: Id(3)] byte[]? SessionKey = null);
