namespace OrleansAI.Grains.Interfaces.Rounds;

/// <summary>A round as it is, or as it ended.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Round">Round number.</param>
/// <param name="Status">Lifecycle status.</param>
/// <param name="Attempt">Deadline attempts so far (1-based).</param>
/// <param name="Assigned">Tasks handed out, over all attempts.</param>
/// <param name="Received">Results accepted.</param>
/// <param name="Failed">Tasks that failed or timed out.</param>
/// <param name="NewWeights">The aggregated model, or null if the model was kept or the round was evaluation only.</param>
/// <param name="KeptBecause">Why the current model was kept, if it was.</param>
/// <param name="FailureReason">Why the round failed, if it did.</param>
/// <param name="Contributions">Per-result provenance.</param>
/// <param name="TrainLoss">Example-weighted mean of the providers' training losses; NaN when none.</param>
/// <param name="EvalExamples">Test examples the incoming model was evaluated on.</param>
/// <param name="EvalLoss">Example-weighted loss of the incoming model; NaN when none.</param>
/// <param name="EvalAccuracy">Example-weighted accuracy of the incoming model; NaN when none.</param>
/// <param name="BytesIn">Bytes of results received.</param>
/// <param name="BytesOut">Bytes of global weights handed out (weights length × tasks).</param>
/// <param name="SlowestComputeMs">The slowest accepted provider's reported compute time.</param>
/// <param name="OpenedUtc">When the first task went out.</param>
/// <param name="ClosedUtc">When it closed (its new model stored) or failed.</param>
/// <param name="StrategyState">What the strategy carries into the next round, if anything.</param>
/// <param name="Checks">Data-parallel: the work items whose results were checked (replicas, canaries, replays) and what was decided.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.RoundSnapshot")]
public sealed record RoundSnapshot(
    [property: Id(0)] string JobId,
    [property: Id(1)] int Round,
    [property: Id(2)] RoundStatus Status,
    [property: Id(3)] int Attempt,
    [property: Id(4)] int Assigned,
    [property: Id(5)] int Received,
    [property: Id(6)] int Failed,
    [property: Id(7)] ContentReference? NewWeights,
    [property: Id(8)] string? KeptBecause,
    [property: Id(9)] string? FailureReason,
    [property: Id(10)] IReadOnlyList<RoundContribution> Contributions,
    [property: Id(11)] double TrainLoss,
    [property: Id(12)] long EvalExamples,
    [property: Id(13)] double EvalLoss,
    [property: Id(14)] double EvalAccuracy,
    [property: Id(15)] long BytesIn,
    [property: Id(16)] long BytesOut,
    [property: Id(17)] double SlowestComputeMs,
    [property: Id(18)] DateTimeOffset? OpenedUtc,
    [property: Id(19)] DateTimeOffset? ClosedUtc,
    [property: Id(20)] ContentReference? StrategyState = null,
    [property: Id(21)] IReadOnlyList<ItemCheck>? Checks = null);
