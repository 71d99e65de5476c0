using OrleansAI.Grains.Interfaces.Providers;
using OrleansAI.Grains.Interfaces.Storage;

namespace OrleansAI.Grains.Interfaces.Rounds;

/// <summary>Everything a round needs to run on its own: who to ask, what to send, when to close, how to aggregate.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Round">Round number (1-based).</param>
/// <param name="Kind">Train (then aggregate) or evaluate only.</param>
/// <param name="SpecJson">The model spec.</param>
/// <param name="Weights">The global weights the round starts from.</param>
/// <param name="Strategy">Aggregation strategy name (see the Federation strategy catalog).</param>
/// <param name="Criteria">Which providers qualify.</param>
/// <param name="FractionPerRound">Share of qualifying providers to ask.</param>
/// <param name="MinProviders">Fewest providers to ask.</param>
/// <param name="Quorum">Fewest results needed to close at the deadline.</param>
/// <param name="BufferSize">FedBuff mode when above 0: close as soon as this many results are in.</param>
/// <param name="Timeout">Time from assignment to the deadline.</param>
/// <param name="MaxAttempts">Deadlines without a quorum before the round fails.</param>
/// <param name="LocalEpochs">Local epochs.</param>
/// <param name="LearningRate">Local learning rate.</param>
/// <param name="BatchSize">Local batch size.</param>
/// <param name="ProximalMu">FedProx μ.</param>
/// <param name="Compression">Result encoding.</param>
/// <param name="Seed">Seed for sampling and local runs.</param>
/// <param name="Shards">Data-parallel: the dataset's shards, one work item each; null in federated rounds.</param>
/// <param name="Verification">Data-parallel: how results are checked.</param>
/// <param name="Root">Federated: the root dataset the platform's verifier trains on this round, as the reference every update is scored against; null for none.</param>
/// <param name="StrategyState">What the strategy carried out of the previous round (server optimiser moments, clip norm), if anything.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.RoundConfig")]
public sealed record RoundConfig(
    [property: Id(0)] string JobId,
    [property: Id(1)] int Round,
    [property: Id(2)] TaskKind Kind,
    [property: Id(3)] string SpecJson,
    [property: Id(4)] ContentReference Weights,
    [property: Id(5)] string Strategy,
    [property: Id(6)] ProviderCriteria Criteria,
    [property: Id(7)] double FractionPerRound,
    [property: Id(8)] int MinProviders,
    [property: Id(9)] int Quorum,
    [property: Id(10)] int BufferSize,
    [property: Id(11)] TimeSpan Timeout,
    [property: Id(12)] int MaxAttempts,
    [property: Id(13)] int LocalEpochs,
    [property: Id(14)] double LearningRate,
    [property: Id(15)] int BatchSize,
    [property: Id(16)] double ProximalMu,
    [property: Id(17)] string Compression,
    [property: Id(18)] long Seed,
    [property: Id(19)] ContentReference? StrategyState = null,
    [property: Id(20)] IReadOnlyList<Jobs.DataShard>? Shards = null,
    [property: Id(21)] Jobs.VerificationSettings? Verification = null,
    [property: Id(22)] ContentReference? Root = null)
{
    /// <summary>Whether the round trains the platform's shards rather than the providers' own data.</summary>
    public bool IsDataParallel => Shards is { Count: > 0 };
}
