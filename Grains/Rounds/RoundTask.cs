namespace OrleansAI.Grains.Rounds;

/// <summary>One task of a round and what became of it.</summary>
[GenerateSerializer, Alias("OrleansAI.RoundTask")]
public sealed class RoundTask
{
    /// <summary>Provider address.</summary>
    [Id(0)] public string Provider { get; set; } = "";

    /// <summary>The attempt that handed it out.</summary>
    [Id(1)] public int Attempt { get; set; }

    /// <summary>Where it is.</summary>
    [Id(2)] public RoundTaskState State { get; set; }

    /// <summary>The accepted result.</summary>
    [Id(3)] public TaskReport? Report { get; set; }

    /// <summary>Why it failed, timed out or was declined.</summary>
    [Id(4)] public string Reason { get; set; } = "";

    /// <summary>For a result carried in from an earlier round: the round whose global model it started from.</summary>
    [Id(5)] public int? BaseRound { get; set; }

    /// <summary>For a carried result: the global weights it started from.</summary>
    [Id(6)] public Interfaces.Storage.ContentReference? BaseWeights { get; set; }

    /// <summary>When its result was accepted by the round.</summary>
    [Id(7)] public DateTimeOffset? ReportedUtc { get; set; }

    /// <summary>Data-parallel: the work item (shard) it computes.</summary>
    [Id(8)] public int? Item { get; set; }

    /// <summary>Data-parallel: why it was handed out.</summary>
    [Id(9)] public TaskRole Role { get; set; }
}
