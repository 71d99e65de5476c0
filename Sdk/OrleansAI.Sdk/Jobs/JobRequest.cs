namespace OrleansAI.Sdk.Jobs;

/// <summary>The body of <c>POST /api/jobs</c>.</summary>
public sealed class JobRequest
{
    /// <summary>Display name; defaults to the spec's name.</summary>
    public string? Name { get; init; }

    /// <summary>The model spec as a JSON object (see docs/architecture.md); never code.</summary>
    public JsonElement Spec { get; init; }

    /// <summary>Federated: the dataset providers must hold locally. Data-parallel: the SHA-256 of a dataset the client uploaded.</summary>
    public string Dataset { get; init; } = "fashion-mnist";

    /// <summary>
    /// Data-parallel: the client whose dataset <see cref="Dataset"/> is, when it is not the caller's
    /// own; that client must have granted the caller <c>use</c> on it.
    /// </summary>
    public string? DatasetOwner { get; init; }

    /// <summary>Federated: differential privacy for the job (client level: DP-FedAvg); null for none.</summary>
    public PrivacyRequest? Privacy { get; init; }

    /// <summary><c>federated</c> (default) or <c>data-parallel</c>.</summary>
    public string Mode { get; init; } = "federated";

    /// <summary>Data-parallel: shards the dataset is split into (1-1000), one task each per round; defaults to minProviders.</summary>
    public int? Shards { get; init; }

    /// <summary>Data-parallel: how the providers' work is checked.</summary>
    public VerificationRequest? Verification { get; init; }

    /// <summary>
    /// Federated: the SHA-256 of a small dataset you uploaded that the platform's verifier trains on
    /// each round; every provider's update is scored against that update (FLTrust). Required by the
    /// <c>fltrust</c> strategy.
    /// </summary>
    public string? RootDataset { get; init; }

    /// <summary>Federated rounds (1-1000).</summary>
    public int Rounds { get; init; } = 10;

    /// <summary>Aggregation strategy, e.g. <c>fedavg</c>, <c>trimmed:0.2</c>, <c>krum:1</c>.</summary>
    public string Strategy { get; init; } = "fedavg";

    /// <summary>Fewest providers per round (1-1000).</summary>
    public int MinProviders { get; init; } = 2;

    /// <summary>Share of available providers asked per round, (0, 1].</summary>
    public double FractionPerRound { get; init; } = 1.0;

    /// <summary>
    /// Most providers that train in one federated round (minProviders-1000; default 100): a round holds
    /// every update it aggregates, so this and the model's size bound its memory.
    /// </summary>
    public int? MaxProvidersPerRound { get; init; }

    /// <summary>Local epochs per round (1-100).</summary>
    public int LocalEpochs { get; init; } = 1;

    /// <summary>Local learning rate, (0, 10].</summary>
    public double LearningRate { get; init; } = 0.001;

    /// <summary>Local batch size (1-65536).</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Budget in the payment token's smallest unit, as a decimal string.</summary>
    public string Budget { get; init; } = "0";

    /// <summary>When the job must finish; defaults to 24 hours from now; at most 90 days ahead.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>Name the trained model is registered under: lower-case letters, digits and '-', 1-63 characters; defaults to the spec's name.</summary>
    public string? Model { get; init; }

    /// <summary>How providers encode their results: <c>none</c>, <c>int8</c>, <c>topk:F</c> or <c>topk:F+int8</c>.</summary>
    public string Compression { get; init; } = "none";

    /// <summary>Seconds a round waits for results before closing at quorum or retrying (5-86400).</summary>
    public int RoundTimeoutSeconds { get; init; } = 120;

    /// <summary>Fewest results a round needs at its deadline; 0 means minProviders.</summary>
    public int Quorum { get; init; }

    /// <summary>FedBuff mode when above 0: a round closes as soon as this many results are in.</summary>
    public int BufferSize { get; init; }

    /// <summary>FedProx μ sent to providers (0-10); 0 for none.</summary>
    public double ProximalMu { get; init; }

    /// <summary>L2 penalty the providers' local optimiser applies (0-1); 0 for none.</summary>
    public double WeightDecay { get; init; }
}
