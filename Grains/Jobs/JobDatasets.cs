using OrleansAI.Models.Data;

namespace OrleansAI.Grains.Jobs;

/// <summary>A job's client datasets in the blob store: read and checked against the model, and split into the job's shards.</summary>
internal static class JobDatasets
{
    /// <summary>Share of a data-parallel job's dataset held back to evaluate the global model on.</summary>
    public const double TestShare = 0.1;

    /// <summary>The most a dataset read may take from the store (the Api's upload limit is lower).</summary>
    public const long MaxDatasetBytes = 1L << 30;

    /// <summary>A client dataset from the store, checked against the model; or why it cannot be used.</summary>
    public static async Task<(LabeledDataset? Data, long Length, string? Problem)> ReadAsync(IContentStore store, ModelPlan plan, string sha256)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(plan);
        if (!await store.ExistsAsync(sha256, CancellationToken.None))
        {
            return (null, 0, $"the dataset {sha256} is not in the blob store");
        }

        var bytes = await store.ReadAllAsync(sha256, MaxDatasetBytes, CancellationToken.None);
        LabeledDataset data;
        try
        {
            data = DatasetFile.Read(bytes);
        }
        catch (InvalidDataException ex)
        {
            return (null, bytes.Length, $"the dataset is not a valid dataset file: {ex.Message}");
        }

        return !data.ExampleShape.SequenceEqual(plan.InputShape) || data.Classes != plan.Spec.Classes
            ? (null, bytes.Length, $"the dataset's examples are [{string.Join(", ", data.ExampleShape)}] in {data.Classes} classes; the model takes [{string.Join(", ", plan.InputShape)}] in {plan.Spec.Classes}")
            : (data, bytes.Length, null);
    }

    /// <summary>
    /// Splits the job's dataset into its shards (seeded by the job, so they can be rebuilt) and stores
    /// each; the shards, or why the dataset cannot be used.
    /// </summary>
    public static async Task<(List<DataShard>? Shards, string? Problem)> ShardAsync(IContentStore store, ModelPlan plan, JobDefinition definition, int seed)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var (data, _, problem) = await ReadAsync(store, plan, definition.Dataset);
        if (data is null)
        {
            return (null, problem);
        }

        IReadOnlyList<DatasetShards.Shard> shards;
        try
        {
            shards = DatasetShards.Split(data, definition.Shards, TestShare, seed);
        }
        catch (ArgumentException ex)
        {
            return (null, ex.Message);
        }

        var stored = new List<DataShard>(shards.Count);
        for (var i = 0; i < shards.Count; i++)
        {
            using var train = new MemoryStream(DatasetFile.Write(shards[i].Train));
            var trainRef = await store.PutAsync(train, CancellationToken.None);
            using var test = new MemoryStream(DatasetFile.Write(shards[i].Test));
            var testRef = await store.PutAsync(test, CancellationToken.None);
            stored.Add(new DataShard(i, trainRef, testRef, shards[i].Train.Count, shards[i].Test.Count));
        }

        return (stored, null);
    }
}
