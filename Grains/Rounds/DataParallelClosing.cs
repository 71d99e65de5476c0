namespace OrleansAI.Grains.Rounds;

/// <summary>
/// Closes a data-parallel training round: decides every item from its results (replicas, canaries,
/// the screen), sends flagged or disputed items to the verifier for replay first when it can, then
/// aggregates one trusted result per item and records the verdicts and the fraud they prove.
/// </summary>
internal sealed class DataParallelClosing(IRoundHost host, DataParallelOffering offering, IContentStore store, VerificationSetup setup)
{
    private RoundState State => host.State;

    /// <summary>
    /// Reviews <paramref name="done"/>; null when replays went out (the round waits for the verifier,
    /// with a deadline of its own, then reviews again), else the round's outcome.
    /// </summary>
    public async Task<RoundOutcome?> CloseAsync(IReadOnlyList<(string TaskId, RoundTask Task)> done, IReadOnlyDictionary<string, Task<FetchedResult>>? prefetched)
    {
        var config = State.Config!;
        var verification = config.Verification ?? VerificationSettings.Off;
        var tolerance = new TrainingTolerance(verification.MinCosine, verification.MaxAbsDifference);
        var loaded = await DataParallelReview.LoadAsync(store, config, done, setup, prefetched, CancellationToken.None);
        var decisions = DataParallelReview.Decide(loaded, tolerance, setup, Replayable);
        var replays = decisions
            .Where(d => d.Value.Verdicts.All(v => !setup.IsVerifier(State.Tasks[v.Id].Provider)) && Replayable(d.Key)
                && (d.Value.NeedsVerifier || verification.ReplayOutliers && d.Value.Verdicts.Any(v => loaded.Flags.ContainsKey(v.Id))))
            .Select(d => d.Key)
            .ToList();
        if (replays.Count > 0)
        {
            if (await SendReplaysAsync(replays) > 0)
            {
                return null;
            }

            decisions = DataParallelReview.Decide(loaded, tolerance, setup, Replayable);
        }

        return await AggregateAsync(config, done, loaded, decisions);
    }

    // An item can still be replayed while it never had a verifier task; one that was tried and failed
    // (verifier offline, late) is decided without it.
    private bool Replayable(int item) => setup.Verifiers.Count > 0
        && !State.Tasks.Values.Any(t => t.Item == item && t.Role is TaskRole.Canary or TaskRole.Replay && t.State != RoundTaskState.Done);

    private async Task<int> SendReplaysAsync(List<int> replays)
    {
        var sent = 0;
        foreach (var item in replays)
        {
            sent += await offering.OfferItemAsync(item, TaskRole.Replay, setup.Verifiers, item) ? 1 : 0;
            if (!State.Tasks.Values.Any(t => t.Item == item && t.Role == TaskRole.Replay))
            {
                // Every verifier holds the item already (it ran it as a canary): nothing to wait for.
                State.Tasks[Guid.NewGuid().ToString("N")] = new RoundTask { Provider = "", Attempt = State.Attempt, State = RoundTaskState.Declined, Item = item, Role = TaskRole.Replay, Reason = "no verifier could take it" };
            }
        }

        if (sent > 0)
        {
            // The replays get a deadline of their own; the round closes when they are in.
            State.DeadlineUtc = host.Now + State.Config!.Timeout;
            await host.CommitAsync();
            host.ArmDeadline();
            host.Replaying(sent);
        }

        return sent;
    }

    private async Task<RoundOutcome> AggregateAsync(
        RoundConfig config, IReadOnlyList<(string TaskId, RoundTask Task)> done, DataParallelReview.Loaded loaded, IReadOnlyDictionary<int, ReplicaDecision> decisions)
    {
        // The task inputs an arbiter needs are stored only when there is evidence to cite them.
        var evidenceInputs = decisions.Values.Any(d => d.ProvenWrong.Any()) ? await DataParallelEvidence.StoreTaskInputsAsync(store, config, CancellationToken.None) : null;
        var updates = new List<ClientUpdate>();
        var suspects = new Dictionary<string, string>(StringComparer.Ordinal);
        var checks = new List<ItemCheck>();
        var cases = new List<FraudEvidence>();
        var failures = loaded.Undecodable.Select(u => new ClientFailure(State.Tasks[u.Key].Provider, u.Value)).ToList();
        foreach (var (item, decision) in decisions.OrderBy(d => d.Key))
        {
            var accepted = decision.AcceptedId;
            var acceptedVerdict = decision.Verdicts.FirstOrDefault(v => v.Id == accepted);
            if (accepted is not null && acceptedVerdict?.Standing == ReplicaStanding.Unchecked && loaded.Flags.TryGetValue(accepted, out var why))
            {
                // Flagged and nobody could replay it: not used, and a suspicion, never proof.
                suspects[State.Tasks[accepted].Provider] = why;
                accepted = null;
            }

            foreach (var verdict in decision.Verdicts.Where(v => v.Standing == ReplicaStanding.Unresolved))
            {
                suspects.TryAdd(State.Tasks[verdict.Id].Provider, "its result disagreed with another provider's for the same task and nothing could settle it");
            }

            if (accepted is not null)
            {
                // The platform assigned the shard, so it knows the work: the provider's count is not asked.
                updates.Add(new ClientUpdate(accepted, loaded.Parameters[accepted], Assigned(config, item), config.Round - 1));
            }

            var itemCases = new List<string>();
            foreach (var wrong in decision.ProvenWrong)
            {
                var evidence = DataParallelEvidence.Evidence(State, setup.ChainId, item, wrong, decision, evidenceInputs!, host.Now);
                cases.Add(evidence);
                itemCases.Add(evidence.Hash());
            }

            if (decision.Verdicts.Count > 1 || decision.Verdicts.Any(v => loaded.Flags.ContainsKey(v.Id)))
            {
                checks.Add(new ItemCheck(item, DataParallelEvidence.Outcome(State, decision, accepted), accepted, [.. decision.Verdicts.Select(v => DataParallelEvidence.Checked(State, v, loaded.Flags))], itemCases));
            }
        }

        // Evidence names results by hash, and an arbiter fetches them by hash: every result a case
        // cites becomes content, which outlives the task it was uploaded for.
        await Task.WhenAll(cases.SelectMany(c => c.Answers).Select(a => a.TaskId).Distinct(StringComparer.Ordinal)
            .Select(id => store.PromoteUploadAsync(id, State.Tasks[id].Report!.Result!, CancellationToken.None)));
        var applied = await StrategyRunner.ApplyAsync(store, config, loaded.Results.Plan,
            strategy => updates.Count == 0
                ? AggregationOutcome.KeepCurrent("no trusted result in the round", [])
                : strategy.AggregateFit(config.Round, loaded.Current, updates, failures),
            CancellationToken.None);
        var used = applied.Outcome.Used.ToHashSet(StringComparer.Ordinal);
        // Replicas that agreed did the same verified work as the result the model used: they earn too.
        // Canaries and replays are the platform's own checks and earn only when the model uses them.
        var earned = decisions.Values.SelectMany(d => d.Verdicts)
            .Where(v => v.Standing == ReplicaStanding.Agreed && State.Tasks[v.Id].Role is TaskRole.Primary or TaskRole.Replica)
            .Select(v => v.Id)
            .Concat(used)
            .ToHashSet(StringComparer.Ordinal);
        var contributions = done.Select(d => new RoundContribution(
            d.Task.Provider,
            d.TaskId,
            d.Task.Report!.Result!.Sha256,
            d.Task.Item is { } assigned ? Assigned(config, assigned) : d.Task.Report.Examples,
            used.Contains(d.TaskId),
            loaded.Undecodable.GetValueOrDefault(d.TaskId)
                ?? (used.Contains(d.TaskId) ? $"item {d.Task.Item}" : $"item {d.Task.Item}, {DataParallelEvidence.RoleName(d.Task.Role)}: not used"),
            earned.Contains(d.TaskId)))
            .ToList();
        return new RoundOutcome(applied.NewWeights, applied.Outcome.KeptBecause, contributions, applied.StrategyState, suspects, checks, cases);
    }

    // Examples a shard's training covers: its size times the local epochs the round asked for.
    private static long Assigned(RoundConfig config, int item) =>
        (long)config.Shards!.First(s => s.Index == item).TrainExamples * Math.Max(1, config.Training.LocalEpochs);
}
