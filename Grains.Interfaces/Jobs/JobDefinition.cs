namespace OrleansAI.Grains.Interfaces.Jobs;

/// <summary>A validated training job: what to train, how, on which data, for how much and until when.</summary>
/// <param name="Name">A display name.</param>
/// <param name="SpecJson">The model spec, validated and in canonical form.</param>
/// <param name="Dataset">The dataset providers must hold locally, e.g. <c>fashion-mnist</c>.</param>
/// <param name="Rounds">Federated rounds to run.</param>
/// <param name="Strategy">Aggregation strategy, e.g. <c>fedavg</c> or <c>trimmed:0.2</c>.</param>
/// <param name="MinProviders">Fewest providers per round.</param>
/// <param name="FractionPerRound">Share of available providers asked per round.</param>
/// <param name="Training">How providers train locally.</param>
/// <param name="Budget">Budget in the payment token's smallest unit (decimal string).</param>
/// <param name="DeadlineUtc">When the job must finish.</param>
/// <param name="ModelName">Name the trained model is registered under (unique per owner).</param>
/// <param name="RoundTimeoutSeconds">Time a round waits for results before closing at quorum (or retrying).</param>
/// <param name="Quorum">Fewest results a round needs to close at its deadline; 0 means <paramref name="MinProviders"/>.</param>
/// <param name="BufferSize">FedBuff mode when above 0: a round closes as soon as this many results are in.</param>
/// <param name="ClientWallet">The client's wallet, which funds the job's escrow; empty when the job has no budget.</param>
/// <param name="Mode"><c>federated</c> (providers' own data) or <c>data-parallel</c> (the client's dataset, sharded by the platform).</param>
/// <param name="Shards">Data-parallel: shards the dataset is split into, one task each per round.</param>
/// <param name="Verification">Data-parallel: how the providers' work is checked.</param>
/// <param name="MaxProvidersPerRound">Federated: most providers that train in one round (bounds the round's memory).</param>
/// <param name="Privacy">Federated: client-level differential privacy (DP-FedAvg), or null for none.</param>
/// <param name="DatasetOwner">Data-parallel: the client whose dataset it is when not the job's own (it granted the job's client <c>use</c>); empty for the client's own.</param>
/// <param name="RootDataset">Federated: the SHA-256 of a small dataset of the client's that the platform's verifier trains on each round (the FLTrust root); empty for none.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.JobDefinition")]
public sealed record JobDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] string SpecJson,
    [property: Id(2)] string Dataset,
    [property: Id(3)] int Rounds,
    [property: Id(4)] string Strategy,
    [property: Id(5)] int MinProviders,
    [property: Id(6)] double FractionPerRound,
    [property: Id(23)] TrainingSettings Training,
    [property: Id(10)] string Budget,
    [property: Id(11)] DateTimeOffset DeadlineUtc,
    [property: Id(12)] string ModelName = "model",
    [property: Id(14)] int RoundTimeoutSeconds = 120,
    [property: Id(15)] int Quorum = 0,
    [property: Id(16)] int BufferSize = 0,
    [property: Id(18)] string ClientWallet = "",
    [property: Id(19)] string Mode = JobDefinition.Federated,
    [property: Id(20)] int Shards = 0,
    [property: Id(21)] VerificationSettings? Verification = null,
    [property: Id(22)] string RootDataset = "",
    [property: Id(24)] int MaxProvidersPerRound = JobDefinition.DefaultMaxProvidersPerRound,
    [property: Id(25)] string DatasetOwner = "",
    [property: Id(26)] ClientPrivacy? Privacy = null)
{
    /// <summary>Providers one federated round trains on at most, unless the job says.</summary>
    public const int DefaultMaxProvidersPerRound = 100;

    /// <summary>The federated mode: providers train on data they hold.</summary>
    public const string Federated = "federated";

    /// <summary>The data-parallel mode: the client's uploaded dataset, sharded by the platform; <see cref="Dataset"/> is its SHA-256.</summary>
    public const string DataParallel = "data-parallel";

    /// <summary>Whether providers train on shards of the client's dataset.</summary>
    public bool IsDataParallel => Mode == DataParallel;

    /// <summary>Whether the job pays its providers (from an escrow funded by the client's wallet).</summary>
    public bool HasBudget => Budget is not ("0" or "");

    /// <summary>The quorum in effect.</summary>
    public int EffectiveQuorum => Quorum > 0 ? Quorum : MinProviders;
}
