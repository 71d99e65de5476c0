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

    /// <summary>Training rounds finished.</summary>
    [Id(4)] public int RoundsCompleted { get; set; }

    /// <summary>When the job was accepted.</summary>
    [Id(5)] public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>When it last changed.</summary>
    [Id(6)] public DateTimeOffset UpdatedUtc { get; set; }

    /// <summary>The round in flight (1-based; <c>Rounds + 1</c> is the final evaluation); 0 before the first.</summary>
    [Id(7)] public int CurrentRound { get; set; }

    /// <summary>The global weights the current round starts from.</summary>
    [Id(8)] public ContentReference? CurrentWeights { get; set; }

    /// <summary>Hash of the weights the job started from.</summary>
    [Id(9)] public string InitialWeights { get; set; } = "";

    /// <summary>Finished rounds, oldest first.</summary>
    [Id(10)] public List<JobRoundRecord> History { get; set; } = [];

    /// <summary>Every result aggregation used, for the model's provenance.</summary>
    [Id(11)] public List<ModelContribution> Contributions { get; set; } = [];

    /// <summary>What the strategy carries into the next round (server optimiser moments, clip norm).</summary>
    [Id(13)] public ContentReference? StrategyState { get; set; }

    /// <summary>The registered model version.</summary>
    [Id(12)] public ModelVersionKey? Model { get; set; }

    /// <summary>Data-parallel: the dataset's shards, made once when the job starts.</summary>
    [Id(14)] public List<DataShard> Shards { get; set; } = [];

    /// <summary>Federated with a root dataset: the dataset, checked against the model when the job started.</summary>
    [Id(15)] public ContentReference? Root { get; set; }

    /// <summary>What each paid result earns, fixed once before the first payment so a retry pays the same.</summary>
    [Id(16)] public List<Settlement.TaskPayment> Payouts { get; set; } = [];

    /// <summary>Every result the job pays for: those the model used and, in data-parallel jobs, replicas proven to agree.</summary>
    [Id(17)] public List<ModelContribution> Paid { get; set; } = [];

    /// <summary>When the results the job used were deleted after <c>BlobStorage:ResultRetention</c>.</summary>
    [Id(18)] public DateTimeOffset? ResultsDeletedUtc { get; set; }
}
