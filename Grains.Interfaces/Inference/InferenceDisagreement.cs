namespace OrleansAI.Grains.Interfaces.Inference;

/// <summary>Nodes that answered one request differently: the evidence the verification pipeline works from.</summary>
/// <param name="RequestId">The gateway's id of the request.</param>
/// <param name="Kind">"replication" (k nodes ran it) or "audit" (re-run afterwards).</param>
/// <param name="Majority">Nodes whose answer won, empty when none had a majority.</param>
/// <param name="Dissenters">Nodes outvoted (or, unresolved, every node involved).</param>
/// <param name="AtUtc">When it was seen.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.InferenceDisagreement")]
public sealed record InferenceDisagreement(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string Kind,
    [property: Id(2)] IReadOnlyList<string> Majority,
    [property: Id(3)] IReadOnlyList<string> Dissenters,
    [property: Id(4)] DateTimeOffset AtUtc);
