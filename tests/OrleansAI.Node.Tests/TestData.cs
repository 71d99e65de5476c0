using OrleansAI.Learning.Data;
using OrleansAI.Models.Data;

namespace OrleansAI.Node.Tests;

/// <summary>Small datasets and tasks for the conduct tests.</summary>
internal static class TestData
{
    /// <summary>Examples of shape [1, 4, 4] (the tiny model's input) with the given labels.</summary>
    public static LabeledDataset Examples(int[] labels, int classes = 5, int seed = 1)
    {
        var random = new Random(seed);
        return new LabeledDataset([1, 4, 4], [.. Enumerable.Range(0, labels.Length * 16).Select(_ => (float)random.NextDouble())], labels, classes);
    }

    /// <summary>A training task of job "j" in <paramref name="round"/>; <paramref name="shared"/> gives it a shard to train on.</summary>
    public static WorkTask Task(bool shared = false, int round = 1) => new()
    {
        TaskId = $"t{round}",
        Kind = "train",
        JobId = "j",
        Round = round,
        Dataset = "tiny",
        DataUrl = shared ? "http://blobs.test/shard" : "",
    };
}
