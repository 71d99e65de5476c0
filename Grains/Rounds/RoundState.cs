namespace OrleansAI.Grains.Rounds;

/// <summary>Stored state of an <see cref="AggregationRoundGrain"/>.</summary>
[GenerateSerializer, Alias("OrleansAI.RoundState")]
public sealed class RoundState
{
    /// <summary>The round's configuration; null until started.</summary>
    [Id(0)] public RoundConfig? Config { get; set; }

    /// <summary>Lifecycle status.</summary>
    [Id(1)] public RoundStatus Status { get; set; }

    /// <summary>Current attempt (1-based).</summary>
    [Id(2)] public int Attempt { get; set; }

    /// <summary>The current attempt's deadline.</summary>
    [Id(3)] public DateTimeOffset DeadlineUtc { get; set; }

    /// <summary>Tasks by id.</summary>
    [Id(4)] public Dictionary<string, RoundTask> Tasks { get; set; } = [];

    /// <summary>When the first task went out.</summary>
    [Id(5)] public DateTimeOffset? OpenedUtc { get; set; }

    /// <summary>When it closed (its new model stored) or failed.</summary>
    [Id(6)] public DateTimeOffset? ClosedUtc { get; set; }

    /// <summary>The aggregated model.</summary>
    [Id(7)] public ContentReference? NewWeights { get; set; }

    /// <summary>Why the model was kept.</summary>
    [Id(8)] public string? KeptBecause { get; set; }

    /// <summary>Why the round failed.</summary>
    [Id(9)] public string? FailureReason { get; set; }

    /// <summary>Per-result provenance, set at close.</summary>
    [Id(10)] public List<RoundContribution> Contributions { get; set; } = [];

    /// <summary>The strategy's state after aggregation, for the next round.</summary>
    [Id(12)] public ContentReference? StrategyState { get; set; }

    /// <summary>Whether the job has acknowledged the outcome.</summary>
    [Id(11)] public bool JobNotified { get; set; }

    /// <summary>Providers whose updates were outliers in this round, with why (suspicion, not proof).</summary>
    [Id(13)] public Dictionary<string, string> Suspects { get; set; } = [];

    /// <summary>Data-parallel: the checked items and their verdicts, set at close.</summary>
    [Id(14)] public List<ItemCheck> Checks { get; set; } = [];

    /// <summary>Data-parallel: fraud cases the round opened, not yet confirmed opened (retried on reactivation).</summary>
    [Id(15)] public List<Interfaces.Verification.FraudEvidence> PendingCases { get; set; } = [];
}
