namespace OrleansAI.Grains.Interfaces.Jobs;

/// <summary>
/// How a data-parallel job checks its providers' work (docs/verification.md): a share of each
/// round's tasks runs on several providers, a share is also run by the platform's verifier (canaries),
/// results the round's screen flags are replayed by the verifier, and results of one task are
/// compared bit for bit or within the tolerance. Recorded with the job, so every verdict can be
/// re-checked against the rule it was made with.
/// </summary>
/// <param name="ReplicationShare">Share of tasks given to <paramref name="Replicas"/> providers, in [0, 1].</param>
/// <param name="Replicas">Providers a replicated task goes to (2 to 5).</param>
/// <param name="CanaryRate">Share of tasks the platform's verifier also runs, in [0, 1].</param>
/// <param name="MinCosine">Least cosine between two results' updates for non-bitwise runtimes to agree.</param>
/// <param name="MaxAbsDifference">Largest weight difference for non-bitwise runtimes to agree.</param>
/// <param name="ReplayOutliers">Whether results the round's screen flags are replayed by the verifier.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.VerificationSettings")]
public sealed record VerificationSettings(
    [property: Id(0)] double ReplicationShare = 0.05,
    [property: Id(1)] int Replicas = 2,
    [property: Id(2)] double CanaryRate = 0.05,
    [property: Id(3)] double MinCosine = 0.998,
    [property: Id(4)] double MaxAbsDifference = 0.05,
    [property: Id(5)] bool ReplayOutliers = true)
{
    /// <summary>No checks at all (the baseline the verification benchmark measures overhead against).</summary>
    public static VerificationSettings Off { get; } = new(0, 2, 0, 0.998, 0.05, false);
}
