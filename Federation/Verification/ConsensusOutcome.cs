namespace OrleansAI.Federation.Verification;

/// <summary>What the replicas of one computation agreed on.</summary>
/// <param name="Winner">Index of the replica whose output is trusted, or null when no strict majority agreed.</param>
/// <param name="Majority">The winner and the replicas agreeing with it, in index order; empty when unresolved.</param>
/// <param name="Dissenters">The replicas outside the majority, in index order; empty when unresolved.</param>
public sealed record ConsensusOutcome(int? Winner, IReadOnlyList<int> Majority, IReadOnlyList<int> Dissenters)
{
    /// <summary>Whether a strict majority agreed, so that <see cref="Winner"/> can be used.</summary>
    public bool Resolved => Winner is not null;
}
