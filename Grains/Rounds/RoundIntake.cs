namespace OrleansAI.Grains.Rounds;

/// <summary>
/// Takes results and failures into a round's task table: each result counted at most once, only from
/// the provider the task was given to, only while the round collects; FedBuff stragglers are passed on
/// to the round in progress. Says what the round should do next through the host (close, top up).
/// </summary>
internal sealed class RoundIntake(IRoundHost host, ResultPrefetcher prefetcher)
{
    private RoundState State => host.State;

    /// <summary>A provider's result for one of its tasks; <paramref name="closing"/> says the round is aggregating.</summary>
    public async Task<SubmitOutcome> SubmitAsync(string provider, TaskReport report, bool closing)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!State.Tasks.TryGetValue(report.TaskId, out var task) || task.Provider != provider)
        {
            return SubmitOutcome.Refused;
        }

        var config = State.Config!;
        if (task.State == RoundTaskState.Carried && State.Status == RoundStatus.Closed && RoundBook.Invalid(config, report) is null)
        {
            // FedBuff: the straggler's work is not wasted; the round in progress weighs it by staleness.
            return await host.ForwardCarriedAsync(provider, report, config.Round - 1, config.Weights);
        }

        if (State.Status != RoundStatus.Collecting || closing)
        {
            return SubmitOutcome.Late;
        }

        if (task.State == RoundTaskState.Done)
        {
            return SubmitOutcome.Duplicate;
        }

        if (RoundBook.Invalid(config, report) is { } problem)
        {
            task.State = RoundTaskState.Failed;
            task.Reason = problem;
            await host.CommitAsync();
            return SubmitOutcome.Refused;
        }

        // A result that arrives after its attempt's deadline still counts while the round collects:
        // it was trained from the same global model.
        task.State = RoundTaskState.Done;
        task.Report = report;
        task.ReportedUtc = host.Now;
        prefetcher.Start(report);
        await host.CommitAsync();
        if (State.ReadyToClose())
        {
            host.ScheduleClose();
        }
        else
        {
            host.TopUpSoon();
        }

        return SubmitOutcome.Accepted;
    }

    /// <summary>A FedBuff result of an earlier round (trained from <paramref name="baseWeights"/>, round <paramref name="baseRound"/>'s model).</summary>
    public async Task<SubmitOutcome> SubmitCarriedAsync(string provider, TaskReport report, int baseRound, ContentReference baseWeights, bool closing)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(baseWeights);
        if (State.Config is not { Kind: TaskKind.Train, BufferSize: > 0 } config || baseRound >= config.Round - 1 || RoundBook.Invalid(config, report) is not null)
        {
            return SubmitOutcome.Late;
        }

        if (State.Status == RoundStatus.Closed)
        {
            return await host.ForwardCarriedAsync(provider, report, baseRound, baseWeights);
        }

        if (State.Status != RoundStatus.Collecting || closing)
        {
            return SubmitOutcome.Late;
        }

        if (State.Tasks.ContainsKey(report.TaskId))
        {
            return SubmitOutcome.Duplicate;
        }

        State.Tasks[report.TaskId] = new RoundTask
        {
            Provider = provider,
            Attempt = State.Attempt,
            State = RoundTaskState.Done,
            Report = report,
            BaseRound = baseRound,
            BaseWeights = baseWeights,
            ReportedUtc = host.Now,
        };
        prefetcher.Start(report);
        await host.CommitAsync();
        if (State.ReadyToClose())
        {
            host.ScheduleClose();
        }

        return SubmitOutcome.Accepted;
    }

    /// <summary>The provider could not do its task: it fails, and the round closes if nothing else is coming.</summary>
    public async Task ReportFailureAsync(string provider, string taskId, string reason, bool closing)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (State.Status != RoundStatus.Collecting || closing
            || !State.Tasks.TryGetValue(taskId, out var task)
            || task.Provider != provider
            || !RoundBook.IsOutstanding(task))
        {
            return;
        }

        task.State = RoundTaskState.Failed;
        task.Reason = reason.Length > 200 ? reason[..200] : reason;
        await host.CommitAsync();
        host.TopUpSoon();
        if (State.ReadyToClose() || !State.AnyOutstanding() && !(State.Config!.IsDataParallel && State.UnassignedItems().Count > 0))
        {
            host.ScheduleClose();
        }
    }
}
