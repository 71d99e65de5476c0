using OrleansAI.Grains.Interfaces.Jobs;
using OrleansAI.Grains.Interfaces.Providers;

namespace OrleansAI.Grains.Interfaces.Rounds;

/// <summary>Everything a round needs to run on its own: who to ask, what to send, when to close, how to aggregate.</summary>
[GenerateSerializer, Immutable, Alias("OrleansAI.RoundConfig")]
public sealed record RoundConfig
{
    /// <summary>The job.</summary>
    [Id(0)] public required string JobId { get; init; }

    /// <summary>Round number (1-based).</summary>
    [Id(1)] public required int Round { get; init; }

    /// <summary>Train (then aggregate) or evaluate only.</summary>
    [Id(2)] public required TaskKind Kind { get; init; }

    /// <summary>The model spec.</summary>
    [Id(3)] public required string SpecJson { get; init; }

    /// <summary>The global weights the round starts from.</summary>
    [Id(4)] public required ContentReference Weights { get; init; }

    /// <summary>Aggregation strategy name (see the Federation strategy catalog).</summary>
    [Id(5)] public required string Strategy { get; init; }

    /// <summary>Which providers qualify.</summary>
    [Id(6)] public required ProviderCriteria Criteria { get; init; }

    /// <summary>Share of qualifying providers to ask.</summary>
    [Id(7)] public double FractionPerRound { get; init; } = 1;

    /// <summary>Fewest providers to ask.</summary>
    [Id(8)] public int MinProviders { get; init; } = 1;

    /// <summary>Fewest results needed to close at the deadline.</summary>
    [Id(9)] public int Quorum { get; init; } = 1;

    /// <summary>FedBuff mode when above 0: close as soon as this many results are in.</summary>
    [Id(10)] public int BufferSize { get; init; }

    /// <summary>Time from assignment to the deadline.</summary>
    [Id(11)] public required TimeSpan Timeout { get; init; }

    /// <summary>Deadlines without a quorum before the round fails.</summary>
    [Id(12)] public int MaxAttempts { get; init; } = 1;

    /// <summary>How providers train locally.</summary>
    [Id(13)] public required TrainingSettings Training { get; init; }

    /// <summary>Seed for sampling and local runs.</summary>
    [Id(18)] public long Seed { get; init; }

    /// <summary>What the strategy carried out of the previous round (server optimiser moments, clip norm), if anything.</summary>
    [Id(19)] public ContentReference? StrategyState { get; init; }

    /// <summary>Data-parallel: the dataset's shards, one work item each; null in federated rounds.</summary>
    [Id(20)] public IReadOnlyList<DataShard>? Shards { get; init; }

    /// <summary>Data-parallel: how results are checked.</summary>
    [Id(21)] public VerificationSettings? Verification { get; init; }

    /// <summary>Federated: the root dataset the platform's verifier trains on this round, as the reference every update is scored against; null for none.</summary>
    [Id(22)] public ContentReference? Root { get; init; }

    /// <summary>Most providers the round trains on; 0 for no bound (evaluation rounds, which hold no updates).</summary>
    [Id(23)] public int MaxProviders { get; init; }

    /// <summary>The client whose job this is: the owner of the results the round reads, in the audit log.</summary>
    [Id(24)] public string Owner { get; init; } = "";

    /// <summary>Client-level differential privacy for a training round: the round aggregates with DP-FedAvg; null for none.</summary>
    [Id(25)] public Jobs.ClientPrivacy? Privacy { get; init; }

    /// <summary>Whether the round trains the platform's shards rather than the providers' own data.</summary>
    public bool IsDataParallel => Shards is { Count: > 0 };
}
