using System.Numerics.Tensors;
using OrleansAI.Federation.Compression;

namespace OrleansAI.Grains.Rounds;

/// <summary>
/// The first half of the one aggregation path both kinds of round share: reads the global model and
/// every accepted result, and decodes each result to full parameters against the model it started
/// from. A result that is missing, altered or does not decode for this model is its provider's
/// failure, never the round's.
/// </summary>
internal static class ResultLoader
{
    /// <summary>Loads and decodes <paramref name="done"/> (fetched concurrently, decoded in task order, so aggregation sees the same order every time).</summary>
    public static async Task<LoadedResults> LoadAsync(
        IContentStore store, RoundConfig config, IReadOnlyList<(string TaskId, RoundTask Task)> done, IReadOnlyDictionary<string, Task<FetchedResult>>? prefetched, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(done);
        var plan = ModelSpecJson.ParseAndPlan(config.SpecJson);
        var current = ModelWeights.FromSafetensors(plan, await store.ReadAllAsync(config.Weights, cancellationToken)).Values;
        var fetched = await ResultReads.FetchAllAsync(store, done, prefetched, cancellationToken);
        // FedBuff results carried in from earlier rounds decode against the model they started from.
        var bases = new Dictionary<string, float[]>(StringComparer.Ordinal) { [config.Weights.Sha256] = current };
        foreach (var reference in done.Select(d => d.Task.BaseWeights).OfType<ContentReference>().DistinctBy(r => r.Sha256).Where(r => !bases.ContainsKey(r.Sha256)))
        {
            bases[reference.Sha256] = ModelWeights.FromSafetensors(plan, await store.ReadAllAsync(reference, cancellationToken)).Values;
        }

        var parameters = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var undecodable = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < done.Count; i++)
        {
            var (taskId, task) = done[i];
            if (fetched[i].Problem is { } problem)
            {
                undecodable[taskId] = problem;
                continue;
            }

            try
            {
                parameters[taskId] = Decode(plan, bases[task.BaseWeights?.Sha256 ?? config.Weights.Sha256], fetched[i].Content);
            }
            catch (Exception ex) when (ex is InvalidDataException or ArgumentException or FormatException)
            {
                undecodable[taskId] = $"result does not decode: {ex.Message}";
            }
        }

        return new LoadedResults(plan, current, done, parameters, undecodable, bases);
    }

    /// <summary>A result blob as full parameters: safetensors of the trained weights, or an encoded change from <paramref name="start"/>.</summary>
    public static float[] Decode(ModelPlan plan, float[] start, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(start);
        if (UpdateCodec.HasMagic(bytes))
        {
            var delta = UpdateCodec.Decode(bytes, start.Length);
            var parameters = new float[start.Length];
            TensorPrimitives.Add(start, delta, parameters);
            return parameters;
        }

        return ModelWeights.FromSafetensors(plan, bytes).Values;
    }
}
