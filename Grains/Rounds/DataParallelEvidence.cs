using System.Text.Json;

namespace OrleansAI.Grains.Rounds;

/// <summary>
/// Writes down what a data-parallel round's checks found: the evidence an arbiter needs for each
/// result proven wrong, and each checked item's verdicts as clients see them.
/// </summary>
internal static class DataParallelEvidence
{
    /// <summary>The task's inputs as canonical JSON in the store: what an arbiter needs to re-run it.</summary>
    public static async Task<ContentReference> StoreTaskInputsAsync(IContentStore store, RoundConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(config);
        var inputs = JsonSerializer.SerializeToUtf8Bytes(new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["job"] = config.JobId,
            ["round"] = config.Round,
            ["spec"] = config.SpecJson,
            ["weights"] = config.Weights.Sha256,
            ["shards"] = config.Shards!.Select(s => new { s.Index, train = s.Train.Sha256, test = s.Test.Sha256 }).ToList(),
            ["seed"] = $"{config.Seed} * 1000003 + item",
            ["localEpochs"] = config.Training.LocalEpochs,
            ["learningRate"] = config.Training.LearningRate,
            ["batchSize"] = config.Training.BatchSize,
            ["proximalMu"] = config.Training.ProximalMu,
            ["weightDecay"] = config.Training.WeightDecay,
            ["optimizer"] = config.Training.Optimizer,
        });
        using var content = new MemoryStream(inputs);
        return await store.PutAsync(content, cancellationToken);
    }

    /// <summary>The evidence that <paramref name="wrong"/>'s result is wrong: every signed answer for the item, and who judged it.</summary>
    public static FraudEvidence Evidence(RoundState state, long chainId, int item, ReplicaVerdict wrong, ReplicaDecision decision, ContentReference inputs, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(wrong);
        ArgumentNullException.ThrowIfNull(decision);
        var config = state.Config!;
        var judge = state.Tasks[wrong.Against!];
        var kind = judge.Role switch
        {
            TaskRole.Canary => "training-canary",
            TaskRole.Replay => "training-replay",
            _ => "training-replication",
        };
        return new FraudEvidence(
            kind,
            state.Tasks[wrong.Id].Provider,
            $"{config.JobId}/{config.Round}/{item}",
            wrong.Id,
            inputs,
            chainId,
            [.. decision.Verdicts.Select(v =>
            {
                var task = state.Tasks[v.Id];
                return new SignedAnswer(task.Provider, task.Report!.Result!.Sha256, task.Report.Result, "", task.Report.Signature,
                    v.Standing == ReplicaStanding.Agreed, v.Id, task.Report.Examples, task.Report.Runtime);
            })],
            now);
    }

    /// <summary>An item's outcome in words.</summary>
    public static string Outcome(RoundState state, ReplicaDecision decision, string? accepted)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(decision);
        var wrong = decision.ProvenWrong.Count();
        var basis = decision.Verdicts.Any(v => v.Against is { } a && state.Tasks[a].Role is TaskRole.Canary or TaskRole.Replay) ? "the verifier" : "the other providers";
        return (accepted, wrong) switch
        {
            (null, _) => "no result could be trusted; the item was left out",
            (_, 0) when decision.Verdicts.Count == 1 => "flagged by the screen; used",
            (_, 0) => $"all results agree (checked against {basis})",
            _ => $"{wrong} result(s) proven wrong against {basis}",
        };
    }

    /// <summary>One result's verdict as clients see it.</summary>
    public static CheckedResult Checked(RoundState state, ReplicaVerdict verdict, IReadOnlyDictionary<string, string> flags)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(flags);
        var task = state.Tasks[verdict.Id];
        return new CheckedResult(
            task.Provider,
            verdict.Id,
            RoleName(task.Role),
            task.Report!.Result!.Sha256,
            verdict.Standing switch
            {
                ReplicaStanding.Agreed => "agreed",
                ReplicaStanding.ProvenWrong => "proven-wrong",
                ReplicaStanding.Unresolved => "unresolved",
                _ => "unchecked",
            },
            verdict.Match?.Method switch
            {
                ComparisonMethod.Bitwise => "bitwise",
                ComparisonMethod.Tolerance => "tolerance",
                _ => "",
            },
            verdict.Match?.Cosine is { } cosine && double.IsFinite(cosine) ? cosine : null,
            verdict.Match?.MaxAbsDifference is { } maxAbs && double.IsFinite(maxAbs) ? maxAbs : null,
            flags.GetValueOrDefault(verdict.Id, ""));
    }

    /// <summary>A task role's name in check reports.</summary>
    public static string RoleName(TaskRole role) => role switch
    {
        TaskRole.Replica => "replica",
        TaskRole.Canary => "canary",
        TaskRole.Replay => "replay",
        _ => "primary",
    };
}
