using OrleansAI.Federation.Robust;

namespace OrleansAI.Grains.Rounds;

/// <summary>
/// Reads a round's task table: what is outstanding, covered or missing, whether the round can close,
/// and the snapshot the job and clients see. Pure: everything it answers comes from the state it is given.
/// </summary>
internal static class RoundBook
{
    /// <summary>Whether the task is still out with its provider (offered or accepted, no answer yet).</summary>
    public static bool IsOutstanding(RoundTask task) => task.State is RoundTaskState.Offered or RoundTaskState.Pending;

    /// <summary>Whether any task is still out.</summary>
    public static bool AnyOutstanding(this RoundState state) => state.Tasks.Values.Any(IsOutstanding);

    /// <summary>Accepted results that count towards the quorum (the FLTrust root result does not), in task order.</summary>
    public static List<(string TaskId, RoundTask Task)> Done(this RoundState state) =>
        [.. state.Tasks.Where(t => t.Value.State == RoundTaskState.Done && t.Value.Role != TaskRole.Root).Select(t => (t.Key, t.Value))];

    /// <summary>
    /// Whether the round has what it needs: data-parallel, every item covered and nothing out;
    /// federated, a full FedBuff buffer, or the quorum with nothing out.
    /// </summary>
    public static bool ReadyToClose(this RoundState state)
    {
        var config = state.Config!;
        if (config.IsDataParallel)
        {
            return state.CoveredItems().Count == config.Shards!.Count && !state.AnyOutstanding();
        }

        var done = state.Tasks.Values.Count(t => t.State == RoundTaskState.Done && t.Role != TaskRole.Root);
        return (config.BufferSize > 0 && done >= config.BufferSize)
            || (done >= config.Quorum && !state.AnyOutstanding());
    }

    /// <summary>Data-parallel items with at least one accepted result from anyone.</summary>
    public static HashSet<int> CoveredItems(this RoundState state) =>
        [.. state.Tasks.Values.Where(t => t.State == RoundTaskState.Done && t.Item is not null).Select(t => t.Item!.Value)];

    /// <summary>Data-parallel items nobody is working on: every task they had was refused, failed or timed out.</summary>
    public static List<int> UnassignedItems(this RoundState state) =>
        [.. state.Config!.Shards!.Select(s => s.Index).Where(i => !state.Tasks.Values.Any(t => t.Item == i && t.State is RoundTaskState.Offered or RoundTaskState.Pending or RoundTaskState.Done))];

    /// <summary>
    /// Whether the provider already has (or had) a task of this item: replicas must be independent,
    /// and nobody is asked to check their own work.
    /// </summary>
    public static bool Holds(this RoundState state, string provider, int item) =>
        state.Tasks.Values.Any(t => t.Item == item && t.Provider == provider && t.State != RoundTaskState.Declined);

    /// <summary>Why a report cannot be accepted for this round's kind of task, or null when it can.</summary>
    public static string? Invalid(RoundConfig config, TaskReport report)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(report);
        if (config.Kind == TaskKind.Train && (report.Result is null || report.Examples <= 0))
        {
            return "a training result needs a result blob and a positive example count";
        }

        if (report.EvalExamples < 0 || !double.IsFinite(report.EvalLoss) && report.EvalExamples > 0 || report.EvalAccuracy is < 0 or > 1)
        {
            return "the evaluation figures are out of range";
        }

        return config.Kind == TaskKind.Evaluate && report.EvalExamples <= 0 ? "an evaluation result needs evaluated examples" : null;
    }

    /// <summary>The round as the job and clients see it: counts, example-weighted metrics, bytes and times.</summary>
    public static RoundSnapshot Snapshot(this RoundState state)
    {
        var tasks = state.Tasks.Values;
        var done = tasks.Where(t => t.State == RoundTaskState.Done && t.Role != TaskRole.Root).Select(t => (t.Provider, Report: t.Report!)).ToList();
        // Counts are claims: bounded as the aggregation bounds them, so one claim cannot own the metrics either.
        var trainCap = ExampleWeights.Cap([.. done.Where(d => d.Report.Examples > 0).Select(d => d.Report.Examples)]);
        var evalCap = ExampleWeights.Cap([.. done.Where(d => d.Report.EvalExamples > 0).Select(d => d.Report.EvalExamples)]);
        var trainExamples = done.Sum(d => Math.Min(d.Report.Examples, trainCap));
        // The job's strategy combines the providers' evaluations of the model they started from.
        var evaluation = state.Config is { } config
            ? StrategyCatalog.Create(config.Strategy).AggregateEvaluate(
                config.Round,
                [.. done.Select(d => new EvaluationResult(d.Provider, Math.Min(d.Report.EvalExamples, evalCap), d.Report.EvalLoss, d.Report.EvalAccuracy))],
                [.. tasks.Where(t => t.State is RoundTaskState.Failed or RoundTaskState.TimedOut).Select(t => new ClientFailure(t.Provider, t.Reason))])
            : new EvaluationSummary(0, double.NaN, double.NaN, 0, 0);
        return new RoundSnapshot(
            state.Config?.JobId ?? "",
            state.Config?.Round ?? 0,
            state.Status,
            state.Attempt,
            tasks.Count(t => t.State != RoundTaskState.Declined),
            done.Count,
            tasks.Count(t => t.State is RoundTaskState.Failed or RoundTaskState.TimedOut),
            state.NewWeights,
            state.KeptBecause,
            state.FailureReason,
            state.Contributions,
            trainExamples > 0 ? done.Sum(d => d.Report.TrainLoss * Math.Min(d.Report.Examples, trainCap)) / trainExamples : double.NaN,
            evaluation.Examples,
            evaluation.Loss,
            evaluation.Accuracy,
            done.Sum(d => d.Report.Result?.Length ?? 0),
            (state.Config?.Weights.Length ?? 0) * tasks.Count(t => t.State is not (RoundTaskState.Declined or RoundTaskState.Offered)),
            done.Count == 0 ? 0 : done.Max(d => d.Report.ComputeMs),
            state.OpenedUtc,
            state.ClosedUtc,
            state.StrategyState,
            state.Checks.Count > 0 ? state.Checks : null);
    }
}
