using OrleansAI.Grains.Interfaces.Jobs;

namespace OrleansAI.Grains.Interfaces.Rounds;

/// <summary>
/// What one aggregation round may hold in memory, and the bound a job is checked against when it is
/// submitted. A round keeps its current model and every update it aggregates decoded (4 bytes a
/// parameter), and while an update is read its stored bytes too; screening, the strategy's output
/// and scratch, and storing the new model take a fixed number of models more. The factors come from
/// measurement, with a margin: <c>RoundMemoryTests</c> samples the managed heap while real rounds of
/// the demo's CNN close (8-24 updates, FedAvg, median, trimmed mean) and asserts the peak stays
/// under this bound; it measured about 2.0 models per update plus 8 (docs/security.md).
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
        // Decoded update and its bytes in flight, for each (measured 2.0, bounded at 2.5); the current
        // model, screening, output, scratch and the stored result besides (measured 8, bounded at 12).
        var models = (decimal)updates * 2.5m + 12;
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
