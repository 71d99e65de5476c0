namespace OrleansAI.Grains.Interfaces.Jobs;

/// <summary>One shard of a client's dataset in a data-parallel job, stored by hash (dataset file format).</summary>
/// <param name="Index">Shard number (0-based); also the work item's number in every round.</param>
/// <param name="Train">The examples a task on this shard trains on.</param>
/// <param name="Test">The held-out examples it evaluates the incoming model on.</param>
/// <param name="TrainExamples">Examples in <paramref name="Train"/>.</param>
/// <param name="TestExamples">Examples in <paramref name="Test"/>.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.DataShard")]
public sealed record DataShard(
    [property: Id(0)] int Index,
    [property: Id(1)] ContentReference Train,
    [property: Id(2)] ContentReference Test,
    [property: Id(3)] int TrainExamples,
    [property: Id(4)] int TestExamples);
