namespace OrleansAI.Api.Inference;

/// <summary>What the router got: the output, or the HTTP status and reason it could not.</summary>
/// <param name="Output">Row-major output, or null on failure.</param>
/// <param name="Status">200, or 503 (no node could answer), 504 (the deadline passed) or 502 (nodes disagreed without a majority).</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Answered">Nodes whose answers were compared (1 without replication).</param>
/// <param name="Agreed">Of those, how many agreed with the answer returned.</param>
public sealed record InferenceOutcome(float[]? Output, int Status, string? Error, int Answered, int Agreed);
