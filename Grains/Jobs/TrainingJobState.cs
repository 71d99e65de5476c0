using OrleansAI.Grains.Interfaces.Jobs;

namespace OrleansAI.Grains.Jobs;

/// <summary>Stored state of a <see cref="TrainingJobGrain"/>.</summary>
[GenerateSerializer, Alias("OrleansAI.TrainingJobState")]
public sealed class TrainingJobState
{
    /// <summary>The owner; empty while no job exists under this id.</summary>
    [Id(0)] public string Owner { get; set; } = "";

    /// <summary>What was submitted.</summary>
    [Id(1)] public JobDefinition? Definition { get; set; }

    /// <summary>Lifecycle status.</summary>
    [Id(2)] public JobStatus Status { get; set; }

    /// <summary>Why the job is in its status.</summary>
    [Id(3)] public string StatusReason { get; set; } = "";

    /// <summary>Rounds finished.</summary>
    [Id(4)] public int RoundsCompleted { get; set; }

    /// <summary>When the job was accepted.</summary>
    [Id(5)] public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>When it last changed.</summary>
    [Id(6)] public DateTimeOffset UpdatedUtc { get; set; }
}
