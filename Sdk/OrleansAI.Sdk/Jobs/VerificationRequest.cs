namespace OrleansAI.Sdk.Jobs;

/// <summary>How a data-parallel job's work is checked (docs/verification.md); every field has a default.</summary>
public sealed class VerificationRequest
{
    /// <summary>Share of each round's tasks also given to other providers, [0, 1]; default 0.05.</summary>
    public double? ReplicationShare { get; init; }

    /// <summary>Providers a replicated task goes to, 2-5; default 2.</summary>
    public int? Replicas { get; init; }

    /// <summary>Share of tasks the platform's verifier also runs (canaries), [0, 1]; default 0.05.</summary>
    public double? CanaryRate { get; init; }

    /// <summary>Least cosine between two results' updates for them to agree (non-bitwise runtimes), (0, 1]; default 0.998.</summary>
    public double? MinCosine { get; init; }

    /// <summary>Largest weight difference for two results to agree (non-bitwise runtimes), [0, 10]; default 0.05.</summary>
    public double? MaxAbsDifference { get; init; }

    /// <summary>Whether results the round's screen flags are replayed by the verifier; default true.</summary>
    public bool? ReplayOutliers { get; init; }
}
