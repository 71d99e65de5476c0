using System.Numerics.Tensors;
using OrleansAI.Federation;
using OrleansAI.Federation.Compression;
using OrleansAI.Grains.Interfaces.Rounds;
using OrleansAI.Grains.Interfaces.Storage;
using OrleansAI.Grains.Storage;
using OrleansAI.Learning.Specs;
using OrleansAI.Learning.Weights;

namespace OrleansAI.Grains.Rounds;

/// <summary>
/// Turns a round's verified result blobs into the next global model with the job's strategy. The
/// blobs come from the content store by hash; a blob that does not decode for this model is a
/// failure of its provider, never of the round.
/// </summary>
internal static class RoundAggregator
{
    /// <summary>Result blobs fetched at once.</summary>
    public const int ConcurrentReads = 16;

    /// <summary>What aggregation produced.</summary>
    internal sealed record Result(ContentReference? NewWeights, string? KeptBecause, IReadOnlyList<RoundContribution> Contributions);

    public static async Task<Result> AggregateAsync(
        IContentStore store, RoundConfig config, IReadOnlyList<(string TaskId, RoundTask Task)> done, IReadOnlyList<ClientFailure> failures, CancellationToken cancellationToken)
    {
        var plan = ModelSpecJson.ParseAndPlan(config.SpecJson);
        var current = ModelWeights.FromSafetensors(plan, await ReadAllAsync(store, config.Weights.Sha256, cancellationToken)).Values;
        var undecodable = new Dictionary<string, string>(StringComparer.Ordinal);
        var allFailures = failures.ToList();
        // Results are fetched concurrently (the store is remote; a round's wall time is what we minimise)
        // and decoded in task order, so aggregation sees the same input order every time.
        using var gate = new SemaphoreSlim(ConcurrentReads);
        var fetched = await Task.WhenAll(done.Select(async d =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return await ReadAllAsync(store, d.Task.Report!.Result!.Sha256, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));
        var updates = new List<ClientUpdate>(done.Count);
        for (var i = 0; i < done.Count; i++)
        {
            var task = done[i].Task;
            try
            {
                updates.Add(new ClientUpdate(task.Provider, Decode(plan, current, fetched[i]), task.Report!.Examples, config.Round - 1));
            }
            catch (Exception ex) when (ex is InvalidDataException or ArgumentException or FormatException)
            {
                undecodable[task.Provider] = $"result does not decode: {ex.Message}";
                allFailures.Add(new ClientFailure(task.Provider, undecodable[task.Provider]));
            }
        }

        var strategy = StrategyCatalog.Create(config.Strategy);
        var outcome = strategy.AggregateFit(config.Round, current, updates, allFailures);
        ContentReference? next = null;
        if (outcome.Parameters is { } parameters)
        {
            using var content = new MemoryStream(new ModelWeights(plan, parameters).ToSafetensors());
            next = await store.PutAsync(content, cancellationToken);
        }

        var used = outcome.Used.ToHashSet(StringComparer.Ordinal);
        var rejected = outcome.Rejected.GroupBy(r => r.ClientId).ToDictionary(g => g.Key, g => g.First().Reason, StringComparer.Ordinal);
        var contributions = done.Select(d => new RoundContribution(
            d.Task.Provider,
            d.TaskId,
            d.Task.Report!.Result!.Sha256,
            d.Task.Report.Examples,
            used.Contains(d.Task.Provider),
            undecodable.GetValueOrDefault(d.Task.Provider) ?? rejected.GetValueOrDefault(d.Task.Provider) ?? (used.Contains(d.Task.Provider) ? "" : outcome.KeptBecause ?? "not selected by the strategy")))
            .ToList();
        return new Result(next, outcome.KeptBecause, contributions);
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

    private static async Task<byte[]> ReadAllAsync(IContentStore store, string sha256, CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(sha256, cancellationToken);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
