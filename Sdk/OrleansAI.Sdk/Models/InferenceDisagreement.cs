namespace OrleansAI.Sdk.Models;

/// <summary>Nodes that disagreed on one inference request.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="Kind">How it was found: replication, audit or the platform's verifier.</param>
/// <param name="Majority">Nodes on the winning side.</param>
/// <param name="Dissenters">Nodes that answered otherwise.</param>
/// <param name="AtUtc">When.</param>
public sealed record InferenceDisagreement(string RequestId, string Kind, IReadOnlyList<string> Majority, IReadOnlyList<string> Dissenters, DateTimeOffset AtUtc);
