using System.Numerics.Tensors;
using OrleansAI.Federation;
using OrleansAI.Federation.Compression;
using OrleansAI.Federation.Robust;
using OrleansAI.Federation.Verification;
using OrleansAI.Grains.Interfaces.Providers;
using OrleansAI.Grains.Interfaces.Rounds;
using OrleansAI.Grains.Interfaces.Storage;
using OrleansAI.Grains.Storage;
using OrleansAI.Learning.Specs;
using OrleansAI.Learning.Weights;

namespace OrleansAI.Grains.Rounds;

/// <summary>
/// Turns a round's verified result blobs into the next global model with the job's strategy. The
/// blobs come from their upload slots, checked against their signed hashes; a blob that does not decode for this model is a
/// failure of its provider, never of the round.
/// </summary>
internal static class RoundAggregator
{
    /// <summary>Result blobs fetched at once.</summary>
    public const int ConcurrentReads = 16;

    /// <summary>What aggregation produced.</summary>
    internal sealed record Result(ContentReference? NewWeights, string? KeptBecause, IReadOnlyList<RoundContribution> Contributions, ContentReference? StrategyState, IReadOnlyDictionary<string, string> Suspects);

    public static async Task<Result> AggregateAsync(
        IContentStore store, RoundConfig config, IReadOnlyList<(string TaskId, RoundTask Task)> done, IReadOnlyList<ClientFailure> failures, TaskReport? root,
        IReadOnlyDictionary<string, Task<FetchedResult>>? prefetched, CancellationToken cancellationToken)
    {
        var plan = ModelSpecJson.ParseAndPlan(config.SpecJson);
        var current = ModelWeights.FromSafetensors(plan, await store.ReadAllAsync(config.Weights.Sha256, cancellationToken)).Values;
        var undecodable = new Dictionary<string, string>(StringComparer.Ordinal);
        var allFailures = failures.ToList();
        // Results are fetched concurrently (the store is remote; a round's wall time is what we minimise)
        // and decoded in task order, so aggregation sees the same input order every time.
        var fetched = await FetchResultsAsync(store, done, prefetched, cancellationToken);
        // FedBuff results carried in from earlier rounds decode against the model they started from.
        var bases = new Dictionary<string, float[]>(StringComparer.Ordinal) { [config.Weights.Sha256] = current };
        foreach (var hash in done.Select(d => d.Task.BaseWeights?.Sha256).OfType<string>().Distinct().Where(h => !bases.ContainsKey(h)))
        {
            bases[hash] = ModelWeights.FromSafetensors(plan, await store.ReadAllAsync(hash, cancellationToken)).Values;
        }

        var updates = new List<ClientUpdate>(done.Count);
        for (var i = 0; i < done.Count; i++)
        {
            var task = done[i].Task;
            if (fetched[i].Problem is { } problem)
            {
                undecodable[task.Provider] = problem;
                allFailures.Add(new ClientFailure(task.Provider, problem));
                continue;
            }

            try
            {
                var start = bases[task.BaseWeights?.Sha256 ?? config.Weights.Sha256];
                updates.Add(new ClientUpdate(task.Provider, Decode(plan, start, fetched[i].Content), task.Report!.Examples, task.BaseRound ?? config.Round - 1));
            }
            catch (Exception ex) when (ex is InvalidDataException or ArgumentException or FormatException)
            {
                undecodable[task.Provider] = $"result does not decode: {ex.Message}";
                allFailures.Add(new ClientFailure(task.Provider, undecodable[task.Provider]));
            }
        }

        // Private data cannot be replayed, so the round is its own reference: updates from this round's
        // model that point against the robust centre, or are far too long or short, are suspects.
        var suspects = UpdateOutliers.Screen(current, [.. updates.Where(u => u.BaseRound == config.Round - 1)])
            .Where(o => o.IsOutlier)
            .ToDictionary(o => o.ClientId, o => o.Reason!, StringComparer.Ordinal);
        // Different data never trains to the same bytes: a result identical to one handed in earlier
        // is a copy. The first to hand it in is presumed the original.
        foreach (var copies in done.Where(d => d.Task.Report?.Result is not null).GroupBy(d => d.Task.Report!.Result!.Sha256).Where(g => g.Count() > 1))
        {
            var ordered = copies.OrderBy(d => d.Task.ReportedUtc ?? DateTimeOffset.MaxValue).ThenBy(d => d.Task.Provider, StringComparer.Ordinal).ToList();
            foreach (var copy in ordered.Skip(1))
            {
                suspects[copy.Task.Provider] = $"its result is byte for byte the one {ordered[0].Task.Provider} handed in first";
            }
        }

        // The server's own update on the root dataset (FLTrust): an update pointing clearly away from
        // it, against the other updates, is a suspect; the fltrust strategy weighs every update by
        // how well it agrees.
        float[]? rootParameters = null;
        if (root is not null)
        {
            try
            {
                var rootResult = await FetchAsync(store, root, prefetched, null, cancellationToken);
                if (rootResult.Problem is null)
                {
                    rootParameters = Decode(plan, current, rootResult.Content);
                    foreach (var (client, cosine) in FlTrust.Outliers(current, rootParameters, [.. updates.Where(u => u.BaseRound == config.Round - 1)]))
                    {
                        suspects.TryAdd(client, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"its update points away from the platform's update on the root dataset (cosine {cosine:F2}, FLTrust)"));
                    }
                }
            }
            catch (Exception ex) when (ex is InvalidDataException or ArgumentException or FormatException)
            {
                rootParameters = null;
            }
        }

        var (outcome, next, nextState) = await ApplyStrategyAsync(store, config, plan,
            strategy =>
            {
                if (strategy is FlTrust flTrust)
                {
                    flTrust.RootParameters = rootParameters;
                }

                return config.BufferSize > 0 ? Buffered(config, current, updates, done, bases) : strategy.AggregateFit(config.Round, current, updates, allFailures);
            },
            cancellationToken);
        var used = outcome.Used.ToHashSet(StringComparer.Ordinal);
        var rejected = outcome.Rejected.GroupBy(r => r.ClientId).ToDictionary(g => g.Key, g => g.First().Reason, StringComparer.Ordinal);
        var contributions = done.Select(d => new RoundContribution(
            d.Task.Provider,
            d.TaskId,
            d.Task.Report!.Result!.Sha256,
            d.Task.Report.Examples,
            used.Contains(d.Task.Provider),
            undecodable.GetValueOrDefault(d.Task.Provider) ?? rejected.GetValueOrDefault(d.Task.Provider)
                ?? (used.Contains(d.Task.Provider)
                    ? d.Task.BaseRound is { } origin ? $"carried in from round {origin + 1}, staleness {config.Round - 1 - origin}" : ""
                    : outcome.KeptBecause ?? "not selected by the strategy")))
            .ToList();
        return new Result(next, outcome.KeptBecause, contributions, nextState, suspects);
    }

    /// <summary>
    /// Every result blob of <paramref name="done"/>, in task order: those the round already fetched
    /// while it collected from <paramref name="prefetched"/>, the rest at most <see cref="ConcurrentReads"/>
    /// at a time.
    /// </summary>
    public static async Task<FetchedResult[]> FetchResultsAsync(
        IContentStore store, IReadOnlyList<(string TaskId, RoundTask Task)> done, IReadOnlyDictionary<string, Task<FetchedResult>>? prefetched, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(ConcurrentReads);
        return await Task.WhenAll(done.Select(d => FetchAsync(store, d.Task.Report!, prefetched, gate, cancellationToken)));
    }

    /// <summary>One result blob: the early read of it if there was one, else read now (through <paramref name="gate"/> if given).</summary>
    public static async Task<FetchedResult> FetchAsync(
        IContentStore store, TaskReport report, IReadOnlyDictionary<string, Task<FetchedResult>>? prefetched, SemaphoreSlim? gate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (prefetched is not null && prefetched.TryGetValue(report.TaskId, out var early))
        {
            try
            {
                return await early;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The early read met a store error (expected problems are results, not throws):
                // read again now rather than fail the round on a stale fault.
            }
        }

        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken);
        }

        try
        {
            return await FetchAsync(store, report, cancellationToken);
        }
        finally
        {
            gate?.Release();
        }
    }

    /// <summary>
    /// One result blob, read from its upload slot and checked against the hash and length its
    /// provider signed. A blob that is gone or different is a problem of that result, never of the round.
    /// </summary>
    private static async Task<FetchedResult> FetchAsync(IContentStore store, TaskReport report, CancellationToken cancellationToken)
    {
        try
        {
            return new FetchedResult(await store.ReadUploadAsync(report.TaskId, report.Result!, cancellationToken), null);
        }
        catch (Exception ex) when (ex is InvalidDataException or FileNotFoundException)
        {
            return new FetchedResult([], $"result blob unusable: {ex.Message}");
        }
    }

    /// <summary>
    /// Runs the job's strategy (a fresh instance given what the previous round's carried out of it)
    /// and stores the new model and the strategy's state.
    /// </summary>
    public static async Task<(AggregationOutcome Outcome, ContentReference? NewWeights, ContentReference? StrategyState)> ApplyStrategyAsync(
        IContentStore store, RoundConfig config, ModelPlan plan, Func<IStrategy, AggregationOutcome> aggregate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        var strategy = StrategyCatalog.Create(config.Strategy);
        if (config.StrategyState is { } carried)
        {
            StrategyState.Import(strategy, await store.ReadAllAsync(carried.Sha256, cancellationToken));
        }

        var outcome = aggregate(strategy);
        ContentReference? nextState = config.StrategyState;
        if (StrategyState.Export(strategy) is { } exported)
        {
            using var stateContent = new MemoryStream(exported);
            nextState = await store.PutAsync(stateContent, cancellationToken);
        }

        ContentReference? next = null;
        if (outcome.Parameters is { } parameters)
        {
            using var content = new MemoryStream(new ModelWeights(plan, parameters).ToSafetensors());
            next = await store.PutAsync(content, cancellationToken);
        }

        return (outcome, next, nextState);
    }

    /// <summary>
    /// FedBuff: every screened result in the buffer moves the model by its change from the model it
    /// started from, weighted by 1/√(1 + staleness) (stale stragglers count less).
    /// </summary>
    private static AggregationOutcome Buffered(
        RoundConfig config, float[] current, List<ClientUpdate> updates, IReadOnlyList<(string TaskId, RoundTask Task)> done, Dictionary<string, float[]> bases)
    {
        var (valid, rejected) = UpdateScreen.Screen(current.Length, updates);
        if (valid.Count == 0)
        {
            return AggregationOutcome.KeepCurrent("no usable result in the buffer", rejected);
        }

        var buffer = new FedBuff(valid.Count);
        var version = config.Round - 1;
        AggregationOutcome? outcome = null;
        foreach (var update in valid)
        {
            var task = done.First(d => d.Task.Provider == update.ClientId && (d.Task.BaseRound ?? version) == update.BaseRound).Task;
            outcome = buffer.Offer(update, bases[task.BaseWeights?.Sha256 ?? config.Weights.Sha256], current, version) ?? outcome;
        }

        return outcome is { HasNewModel: true } model
            ? AggregationOutcome.NewModel(model.Parameters!, model.Used, rejected)
            : outcome ?? AggregationOutcome.KeepCurrent("the buffer did not fill", rejected);
    }

    /// <summary>A result blob as full parameters: safetensors of the trained weights, or an encoded change from <paramref name="current"/>.</summary>
    public static float[] Decode(ModelPlan plan, float[] current, byte[] bytes)
    {
        if (UpdateCodec.HasMagic(bytes))
        {
            var delta = UpdateCodec.Decode(bytes, current.Length);
            var parameters = new float[current.Length];
            TensorPrimitives.Add(current, delta, parameters);
            return parameters;
        }

        return ModelWeights.FromSafetensors(plan, bytes).Values;
    }
}
