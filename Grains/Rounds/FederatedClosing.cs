using OrleansAI.Federation.Robust;

namespace OrleansAI.Grains.Rounds;

/// <summary>
/// Closes a federated training round: loads its results, screens them (private data cannot be
/// replayed, so the round is its own reference), and aggregates with the job's strategy, or FedBuff's
/// staleness weighting in buffered mode.
/// </summary>
internal static class FederatedClosing
{
    /// <summary>Aggregates <paramref name="done"/>; <paramref name="failures"/> are the tasks that failed or timed out; <paramref name="root"/> is the verifier's FLTrust result, if any.</summary>
    public static async Task<RoundOutcome> CloseAsync(
        IContentStore store, RoundConfig config, IReadOnlyList<(string TaskId, RoundTask Task)> done, IReadOnlyList<ClientFailure> failures, TaskReport? root,
        IReadOnlyDictionary<string, Task<FetchedResult>>? prefetched, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var loaded = await ResultLoader.LoadAsync(store, config, done, prefetched, cancellationToken);
        var allFailures = failures.ToList();
        var updates = new List<ClientUpdate>(done.Count);
        foreach (var (taskId, task) in done)
        {
            if (loaded.Undecodable.TryGetValue(taskId, out var problem))
            {
                allFailures.Add(new ClientFailure(task.Provider, problem));
                continue;
            }

            updates.Add(new ClientUpdate(task.Provider, loaded.Parameters[taskId], task.Report!.Examples, task.BaseRound ?? config.Round - 1));
        }

        // Counts are the providers' claims about private data: each is bounded by the round's median
        // before anything weighs by it (a claim of a billion examples must not make one update the model).
        updates = [.. ExampleWeights.Bound(updates)];
        var weighed = updates.GroupBy(u => u.ClientId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(u => u.Examples), StringComparer.Ordinal);

        var fresh = updates.Where(u => u.BaseRound == config.Round - 1).ToList();
        var suspects = Screen(loaded.Current, fresh, done);
        var rootParameters = await RootAsync(store, loaded, root, prefetched, cancellationToken);
        if (rootParameters is not null)
        {
            // The server's own update on the root dataset (FLTrust): an update pointing clearly away
            // from it, against the other updates, is a suspect.
            foreach (var (client, cosine) in FlTrust.Outliers(loaded.Current, rootParameters, fresh))
            {
                suspects.TryAdd(client, string.Create(CultureInfo.InvariantCulture, $"its update points away from the platform's update on the root dataset (cosine {cosine:F2}, FLTrust)"));
            }
        }

        var applied = await StrategyRunner.ApplyAsync(store, config, loaded.Plan,
            strategy =>
            {
                if (strategy is FlTrust flTrust)
                {
                    // The fltrust strategy weighs every update by how well it agrees with the reference.
                    flTrust.RootParameters = rootParameters;
                }

                return config.BufferSize > 0 ? Buffered(config, loaded, updates) : strategy.AggregateFit(config.Round, loaded.Current, updates, allFailures);
            },
            cancellationToken);
        var outcome = applied.Outcome;
        var used = outcome.Used.ToHashSet(StringComparer.Ordinal);
        var rejected = outcome.Rejected.GroupBy(r => r.ClientId).ToDictionary(g => g.Key, g => g.First().Reason, StringComparer.Ordinal);
        var contributions = done.Select(d => new RoundContribution(
            d.Task.Provider,
            d.TaskId,
            d.Task.Report!.Result!.Sha256,
            weighed.GetValueOrDefault(d.Task.Provider, d.Task.Report.Examples),
            used.Contains(d.Task.Provider),
            loaded.Undecodable.GetValueOrDefault(d.TaskId) ?? rejected.GetValueOrDefault(d.Task.Provider)
                ?? (used.Contains(d.Task.Provider)
                    ? d.Task.BaseRound is { } origin ? $"carried in from round {origin + 1}, staleness {config.Round - 1 - origin}" : ""
                    : outcome.KeptBecause ?? "not selected by the strategy")))
            .ToList();
        return new RoundOutcome(applied.NewWeights, outcome.KeptBecause, contributions, applied.StrategyState, suspects);
    }

    // Updates from this round's model that point against the robust centre, or are far too long or
    // short, are suspects; so is a result identical to one handed in earlier (different data never
    // trains to the same bytes; the first to hand it in is presumed the original).
    private static Dictionary<string, string> Screen(float[] current, List<ClientUpdate> fresh, IReadOnlyList<(string TaskId, RoundTask Task)> done)
    {
        var suspects = UpdateOutliers.Screen(current, fresh)
            .Where(o => o.IsOutlier)
            .ToDictionary(o => o.ClientId, o => o.Reason!, StringComparer.Ordinal);
        foreach (var copies in done.Where(d => d.Task.Report?.Result is not null).GroupBy(d => d.Task.Report!.Result!.Sha256).Where(g => g.Count() > 1))
        {
            var ordered = copies.OrderBy(d => d.Task.ReportedUtc ?? DateTimeOffset.MaxValue).ThenBy(d => d.Task.Provider, StringComparer.Ordinal).ToList();
            foreach (var copy in ordered.Skip(1))
            {
                suspects[copy.Task.Provider] = $"its result is byte for byte the one {ordered[0].Task.Provider} handed in first";
            }
        }

        return suspects;
    }

    // The verifier's update on the root dataset, or null when there is none or it cannot be used.
    private static async Task<float[]?> RootAsync(
        IContentStore store, LoadedResults loaded, TaskReport? root, IReadOnlyDictionary<string, Task<FetchedResult>>? prefetched, CancellationToken cancellationToken)
    {
        if (root is null)
        {
            return null;
        }

        var fetched = await ResultReads.FetchAsync(store, root, prefetched, null, cancellationToken);
        if (fetched.Problem is not null)
        {
            return null;
        }

        try
        {
            return ResultLoader.Decode(loaded.Plan, loaded.Current, fetched.Content);
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// FedBuff: every screened result in the buffer moves the model by its change from the model it
    /// started from, weighted by 1/√(1 + staleness) (stale stragglers count less).
    /// </summary>
    private static AggregationOutcome Buffered(RoundConfig config, LoadedResults loaded, List<ClientUpdate> updates)
    {
        var (valid, rejected) = UpdateScreen.Screen(loaded.Current.Length, updates);
        if (valid.Count == 0)
        {
            return AggregationOutcome.KeepCurrent("no usable result in the buffer", rejected);
        }

        var buffer = new FedBuff(valid.Count);
        var version = config.Round - 1;
        AggregationOutcome? outcome = null;
        foreach (var update in valid)
        {
            var task = loaded.Done.First(d => d.Task.Provider == update.ClientId && (d.Task.BaseRound ?? version) == update.BaseRound).Task;
            outcome = buffer.Offer(update, loaded.BaseOf(task, config), loaded.Current, version) ?? outcome;
        }

        return outcome is { HasNewModel: true } model
            ? AggregationOutcome.NewModel(model.Parameters!, model.Used, rejected)
            : outcome ?? AggregationOutcome.KeepCurrent("the buffer did not fill", rejected);
    }
}
