using OrleansAI.Grains.Interfaces.Jobs;

namespace OrleansAI.Grains.Interfaces.Rounds;

/// <summary>
/// What one aggregation round may hold in memory, and the bound a job is checked against when it is
/// submitted. A round keeps its current model and every update it aggregates decoded (4 bytes a
/// parameter), and while an update is read its stored bytes too; the strategy's output and scratch
/// take about two models more. <c>bench round-memory</c> measures the real peak against this bound.
/// </summary>
public static class RoundMemory
{
    /// <summary>The default budget per round (2 GiB); hosts read <c>Rounds:MemoryBudgetBytes</c>.</summary>
    public const long DefaultBudgetBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>Upper bound on the bytes a round of <paramref name="updates"/> updates of <paramref name="parameters"/> parameters holds.</summary>
    public static long Bound(long parameters, long updates)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(parameters);
        ArgumentOutOfRangeException.ThrowIfNegative(updates);
        // Decoded update and its bytes in flight, for each; current model, output and scratch besides.
        var models = (decimal)updates * 2 + 3;
        var bytes = models * 4 * parameters;
        return bytes >= long.MaxValue ? long.MaxValue : (long)bytes;
    }

    /// <summary>Most updates a training round of <paramref name="definition"/> can hold at once.</summary>
    public static long Updates(JobDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        // Data-parallel: each shard's primary, its replicas when chosen, and the verifier's canary.
        return definition.IsDataParallel
            ? (long)definition.Shards * (2 + (definition.Verification ?? new VerificationSettings()).Replicas)
            : definition.MaxProvidersPerRound;
    }
}
