namespace OrleansAI.Federation.Verification;

/// <summary>What the results of one replicated training task decide.</summary>
/// <param name="AcceptedId">The result the round should use for this task; null when none can be trusted yet.</param>
/// <param name="Verdicts">Every result's standing, in the order given.</param>
/// <param name="NeedsVerifier">The results disagree and only the platform's verifier can settle it without risking an honest provider.</param>
public sealed record ReplicaDecision(string? AcceptedId, IReadOnlyList<ReplicaVerdict> Verdicts, bool NeedsVerifier)
{
    /// <summary>The results proven wrong.</summary>
    public IEnumerable<ReplicaVerdict> ProvenWrong => Verdicts.Where(v => v.Standing == ReplicaStanding.ProvenWrong);
}
