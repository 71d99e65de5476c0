namespace OrleansAI.Sdk.Jobs;

/// <summary>How a data-parallel job's work is checked, as recorded with the job (docs/verification.md).</summary>
/// <param name="ReplicationShare">Share of each round's tasks also given to other providers.</param>
/// <param name="Replicas">Providers a replicated task goes to.</param>
/// <param name="CanaryRate">Share of tasks the platform's verifier also runs.</param>
/// <param name="MinCosine">Least cosine between two updates for them to agree (non-bitwise runtimes).</param>
/// <param name="MaxAbsDifference">Largest weight difference for two results to agree (non-bitwise runtimes).</param>
/// <param name="ReplayOutliers">Whether results the round's screen flags are replayed by the verifier.</param>
public sealed record VerificationSettings(double ReplicationShare, int Replicas, double CanaryRate, double MinCosine, double MaxAbsDifference, bool ReplayOutliers);
