namespace OrleansAI.Grains.Rounds;

/// <summary>
/// Looks at a data-parallel round's results before they are aggregated: decodes them, screens
/// them against each other (shards of one dataset trained alike should give alike updates, so the
/// bounds are far tighter than federated ones), spots results copied across items, and decides every
/// item whose task ran more than once. Flags are reasons to replay, never proof.
/// </summary>
internal static class DataParallelReview
{
    /// <summary>
    /// Outlier bounds for updates trained on IID shards of one dataset with the same hyper-parameters.
    /// A flag only costs a replay by the verifier, so they are tight: honest updates land well inside
    /// (the verification benchmark reports how often an honest one is flagged).
    /// </summary>
    public static OutlierOptions SharedData { get; } = new() { MaxNormRatio = 1.5, MinNormRatio = 0.67, MaxCosineDeviations = 4, MinCosineSpread = 0.05 };

    /// <summary>The round's results, decoded and screened.</summary>
    /// <param name="Results">The decoded results.</param>
    /// <param name="Flags">Results to replay, with why, by task id.</param>
    internal sealed record Loaded(LoadedResults Results, IReadOnlyDictionary<string, string> Flags)
    {
        /// <summary>The round's global model.</summary>
        public float[] Current => Results.Current;

        /// <summary>Each decodable result's parameters, by task id.</summary>
        public IReadOnlyDictionary<string, float[]> Parameters => Results.Parameters;

        /// <summary>Why each other result could not be used, by task id.</summary>
        public IReadOnlyDictionary<string, string> Undecodable => Results.Undecodable;
    }

    /// <summary>Fetches and decodes every result, screens the untrusted ones and flags copies.</summary>
    public static async Task<Loaded> LoadAsync(
        IContentStore store, RoundConfig config, IReadOnlyList<(string TaskId, RoundTask Task)> done, VerificationSetup setup, IReadOnlyDictionary<string, Task<FetchedResult>>? prefetched, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var results = await ResultLoader.LoadAsync(store, config, done, prefetched, cancellationToken);
        var current = results.Current;
        var parameters = results.Parameters;
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        var untrusted = done.Where(d => parameters.ContainsKey(d.TaskId) && !setup.IsVerifier(d.Task.Provider)).ToList();
        foreach (var outlier in UpdateOutliers.Screen(current, [.. untrusted.Select(d => new ClientUpdate(d.TaskId, parameters[d.TaskId], d.Task.Report!.Examples))], SharedData))
        {
            if (outlier.IsOutlier)
            {
                flags[outlier.ClientId] = outlier.Reason!;
            }
        }

        // Different shards never train to the same bytes: a result equal to another item's is a copy;
        // the first handed in is presumed the original. (Equal results for one item are agreement.)
        foreach (var same in untrusted.GroupBy(d => d.Task.Report!.Result!.Sha256).Where(g => g.Select(d => d.Task.Item).Distinct().Count() > 1))
        {
            var ordered = same.OrderBy(d => d.Task.ReportedUtc ?? DateTimeOffset.MaxValue).ThenBy(d => d.TaskId, StringComparer.Ordinal).ToList();
            foreach (var copy in ordered.Where(d => d.Task.Item != ordered[0].Task.Item))
            {
                flags[copy.TaskId] = $"its result is byte for byte the one handed in first for item {ordered[0].Task.Item}";
            }
        }

        return new Loaded(results, flags);
    }

    /// <summary>Decides every item from its decoded results; <paramref name="verifierAvailable"/> says whether an item can still be replayed.</summary>
    public static IReadOnlyDictionary<int, ReplicaDecision> Decide(Loaded loaded, TrainingTolerance tolerance, VerificationSetup setup, Func<int, bool> verifierAvailable)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        return loaded.Results.Done
            .Where(d => d.Task.Item is not null && loaded.Parameters.ContainsKey(d.TaskId))
            .GroupBy(d => d.Task.Item!.Value)
            .ToDictionary(
                g => g.Key,
                g => ReplicaVerdicts.Decide(
                    loaded.Current,
                    [.. g.Select(d => new ReplicaResult(d.TaskId, loaded.Parameters[d.TaskId], d.Task.Report!.Runtime, setup.IsVerifier(d.Task.Provider)))],
                    tolerance,
                    verifierAvailable(g.Key)));
    }
}
