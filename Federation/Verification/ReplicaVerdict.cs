namespace OrleansAI.Federation.Verification;

/// <summary>One result's standing and the comparison it rests on.</summary>
/// <param name="Id">Whose result.</param>
/// <param name="Standing">Where it stands.</param>
/// <param name="Against">The result it was judged against (the verifier's or the majority's representative); null when unchecked or unresolved.</param>
/// <param name="Match">That comparison, when there was one.</param>
public sealed record ReplicaVerdict(string Id, ReplicaStanding Standing, string? Against, ResultMatch? Match);
