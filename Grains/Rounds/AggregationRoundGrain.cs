namespace OrleansAI.Grains.Rounds;

/// <summary>
/// One round: see <see cref="IAggregationRoundGrain"/>. The grain holds the round's state and its
/// timers and orchestrates; offering and closing live in plain classes it drives
/// (<see cref="FederatedOffering"/>, <see cref="DataParallelOffering"/>, <see cref="FederatedClosing"/>,
/// <see cref="DataParallelClosing"/>). Tasks are recorded before they are offered, results before they
/// are acknowledged, the outcome before the job hears of it; the deadline is a timer backed by a
/// reminder, so a round whose silo died closes on whichever silo wakes it. Closing always happens in a
/// turn of its own (a timer), never inside a provider's submission, so the round never calls back into
/// a caller that is waiting on it.
/// </summary>
public sealed partial class AggregationRoundGrain : Grain, IAggregationRoundGrain, IRemindable, IRoundHost
{
    private const string DeadlineReminder = "deadline";

    private readonly IPersistentState<RoundState> _state;
    private readonly TimeProvider _clock;
    private readonly ILogger<AggregationRoundGrain> _logger;
    private readonly IContentStore? _store;
    private readonly VerificationSetup _setup;
    private readonly GroupCommit _commit;
    private readonly ResultPrefetcher _prefetcher;
    private readonly FederatedOffering _federated;
    private readonly DataParallelOffering _dataParallel;
    private readonly RoundIntake _intake;

    private IGrainTimer? _deadlineTimer;
    private IGrainTimer? _closeSoon;
    private IGrainTimer? _topUp;
    private bool _aggregating;
    private readonly IAuditLog? _audit;

    /// <summary>A round grain over its stored state and the silo's services.</summary>
    public AggregationRoundGrain(
        [PersistentState("round", "Default")] IPersistentState<RoundState> state,
        TimeProvider clock,
        ILogger<AggregationRoundGrain> logger,
        RoundReadBudget readBudget,
        IContentStore? store = null,
        VerificationSetup? setup = null,
        IAuditLog? audit = null)
    {
        _audit = audit;
        _state = state;
        _clock = clock;
        _logger = logger;
        _store = store;
        _setup = setup ?? VerificationSetup.None;
        _commit = new GroupCommit(() => _state.WriteStateAsync());
        _prefetcher = new ResultPrefetcher(store, readBudget);
        _federated = new FederatedOffering(this, _setup);
        _dataParallel = new DataParallelOffering(this, _setup);
        _intake = new RoundIntake(this, _prefetcher);
    }

    private RoundState State => _state.State;

    private RoundConfig Config => State.Config!;

    private string Key => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // A round that fails, is cancelled or is moved gives its share of the silo's budget back.
        _prefetcher.Forget();
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.Status == RoundStatus.Collecting)
        {
            ArmDeadline();
            if (State.Tasks.Values.Any(t => t.State == RoundTaskState.Offered))
            {
                // The previous activation died while offering: offer again (idempotent by task id).
                this.RegisterGrainTimer(_ => _federated.ReofferAsync(), TimeSpan.Zero, Timeout.InfiniteTimeSpan);
            }

            if (State.ReadyToClose())
            {
                // Every result was in when the previous activation died before closing.
                ScheduleClose();
            }
        }
        else if (State.Status is RoundStatus.Closed or RoundStatus.Failed && !State.JobNotified)
        {
            ScheduleClose();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<RoundSnapshot> StartAsync(RoundConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (State.Status != RoundStatus.NotStarted)
        {
            return State.Snapshot();
        }

        if (RoundKeys.Of(config.JobId, config.Round) != Key)
        {
            throw new ArgumentException($"Round '{Key}' was given the config of {RoundKeys.Of(config.JobId, config.Round)}.", nameof(config));
        }

        State.Config = config;
        State.Status = RoundStatus.Collecting;
        State.Attempt = 1;
        State.OpenedUtc = _clock.GetUtcNow();
        await this.RegisterOrUpdateReminder(DeadlineReminder, config.Timeout + TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1));
        if (config.IsDataParallel)
        {
            await _dataParallel.OpenItemsAsync([.. config.Shards!.Select(s => s.Index)], withChecks: config.Kind == TaskKind.Train);
        }
        else
        {
            await _federated.OpenFirstAttemptAsync();
            if (config is { Kind: TaskKind.Train, Root: not null })
            {
                await _federated.OfferRootAsync();
            }
        }

        return State.Snapshot();
    }

    /// <inheritdoc />
    public Task<SubmitOutcome> SubmitAsync(string provider, TaskReport report) => _intake.SubmitAsync(provider, report, _aggregating);

    /// <inheritdoc />
    public Task<SubmitOutcome> SubmitCarriedAsync(string provider, TaskReport report, int baseRound, ContentReference baseWeights) =>
        _intake.SubmitCarriedAsync(provider, report, baseRound, baseWeights, _aggregating);

    /// <inheritdoc />
    public Task ReportFailureAsync(string provider, string taskId, string reason) => _intake.ReportFailureAsync(provider, taskId, reason, _aggregating);

    /// <inheritdoc />
    public async Task CancelAsync(string reason)
    {
        if (State.Status != RoundStatus.Collecting || _aggregating)
        {
            return;
        }

        foreach (var task in State.Tasks.Values.Where(t => RoundBook.IsOutstanding(t) || t.State == RoundTaskState.Carried))
        {
            task.State = RoundTaskState.TimedOut;
            task.Reason = reason;
        }

        State.Status = RoundStatus.Failed;
        State.FailureReason = reason;
        State.ClosedUtc = _clock.GetUtcNow();
        State.JobNotified = true;
        await _commit.CommitAsync();
        _deadlineTimer?.Dispose();
        await CancelOutstandingAsync(reason);
        await this.DropReminderAsync(DeadlineReminder);
    }

    /// <inheritdoc />
    public Task<RoundSnapshot> GetAsync() => Task.FromResult(State.Snapshot());

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (State.Status == RoundStatus.Collecting)
        {
            if (_clock.GetUtcNow() >= State.DeadlineUtc)
            {
                await CloseAsync(atDeadline: true);
            }

            return;
        }

        if (!State.JobNotified && State.Config is not null)
        {
            await NotifyJobAsync();
        }

        await this.DropReminderAsync(DeadlineReminder);
    }

    private IAggregationRoundGrain Next() => GrainFactory.GetGrain<IAggregationRoundGrain>(RoundKeys.Of(Config.JobId, Config.Round + 1));

    private IProviderRegistryGrain Registry => GrainFactory.GetGrain<IProviderRegistryGrain>(0);

    private async Task CloseAsync(bool atDeadline)
    {
        if (State.Status != RoundStatus.Collecting)
        {
            if (!State.JobNotified && State.Config is not null)
            {
                await NotifyJobAsync();
            }

            return;
        }

        var deadlinePassed = atDeadline && _clock.GetUtcNow() >= State.DeadlineUtc;
        if (!State.ReadyToClose() && !deadlinePassed && State.AnyOutstanding())
        {
            return;
        }

        var done = State.Done();
        var received = Config.IsDataParallel ? State.CoveredItems().Count : done.Count;
        if (received < Config.Quorum && !(Config.BufferSize > 0 && done.Count >= Config.BufferSize))
        {
            await RetryOrFailAsync(received);
            return;
        }

        // From here on results are late: what aggregation uses is fixed now, while submissions may
        // still interleave with the awaits below.
        _aggregating = true;
        var carry = Config.BufferSize > 0 && Config.Kind == TaskKind.Train;
        foreach (var task in State.Tasks.Values.Where(RoundBook.IsOutstanding))
        {
            // FedBuff keeps stragglers working: their results join a later round, weighted by staleness.
            task.State = carry && task.State == RoundTaskState.Pending ? RoundTaskState.Carried : RoundTaskState.TimedOut;
            task.Reason = carry ? "the round closed on its buffer; the result joins a later round" : "the round closed without its result";
        }

        try
        {
            if (Config.Kind == TaskKind.Train && !await AggregateAsync(done))
            {
                // Replays went out: the round waits for the verifier, then reviews again.
                _aggregating = false;
                return;
            }
        }
        catch (ContentIntegrityException ex)
        {
            // The round's own model (or its strategy's state) no longer matches its hash in the store:
            // no retry can fix that, so the round fails and the job decides what happens next.
            await FailAsync($"stored content was altered: {ex.Message}");
            return;
        }
        catch
        {
            // Still collecting: the next deadline tick tries again, with whatever arrived meanwhile.
            _aggregating = false;
            throw;
        }

        if (Config.Kind == TaskKind.Evaluate)
        {
            State.Contributions = [.. done.Select(d => new RoundContribution(d.Task.Provider, d.TaskId, "", d.Task.Report!.EvalExamples, true, ""))];
        }

        State.Status = RoundStatus.Closed;
        // Closed when the new model is stored, so a round's wall time includes its aggregation.
        State.ClosedUtc = _clock.GetUtcNow();
        await _commit.CommitAsync();
        LogClosed(Key, done.Count, State.KeptBecause ?? "new model");
        foreach (var (provider, reason) in State.Suspects)
        {
            await GrainFactory.GetGrain<IProviderStandingGrain>(provider).RecordSuspicionAsync(Key, reason);
        }

        _prefetcher.Forget();
        await CancelOutstandingAsync("the round closed");
        await NotifyJobAsync();
        if (Config.Kind == TaskKind.Train && _store is not null)
        {
            var round = Key;
            UnusedUploads.ReleaseInBackground(_store, State, ex => LogReleaseFailed(ex, round));
        }
    }

    // Every provider result the closing read is an access to the job owner's data: the log says whose, when and from which silo.
    private void RecordResultReads(List<(string TaskId, RoundTask Task)> done)
    {
        if (_audit is null)
        {
            return;
        }

        foreach (var (taskId, task) in done)
        {
            if (task.Report?.Result is { } result)
            {
                _audit.Record(new AuditEvent(AuditActors.Platform, AuditActions.ResultRead, $"result/{result.Sha256}", Config.Owner, Environment.MachineName, true,
                    string.Create(CultureInfo.InvariantCulture, $"{Config.JobId} round {Config.Round} task {taskId} from {task.Provider}")));
            }
        }
    }

    // Runs the mode's closing and records its outcome; false when the round must wait for replays.
    private async Task<bool> AggregateAsync(List<(string TaskId, RoundTask Task)> done)
    {
        var store = _store ?? throw new InvalidOperationException("No content store is configured; rounds cannot aggregate.");
        RoundOutcome? outcome;
        if (Config.IsDataParallel)
        {
            outcome = await new DataParallelClosing(this, _dataParallel, store, _setup).CloseAsync(done, _prefetcher.Reads);
            if (outcome is null)
            {
                return false;
            }
        }
        else
        {
            var failures = State.Tasks.Values
                .Where(t => t.State is RoundTaskState.Failed or RoundTaskState.TimedOut)
                .Select(t => new ClientFailure(t.Provider, t.Reason))
                .ToList();
            var root = State.Tasks.Values.FirstOrDefault(t => t.Role == TaskRole.Root && t.State == RoundTaskState.Done)?.Report;
            outcome = await FederatedClosing.CloseAsync(store, Config, done, failures, root, _prefetcher.Reads, CancellationToken.None);
        }

        RecordResultReads(done);
        State.NewWeights = outcome.NewWeights;
        State.KeptBecause = outcome.KeptBecause;
        State.Contributions = [.. outcome.Contributions];
        State.StrategyState = outcome.StrategyState;
        State.Suspects = new Dictionary<string, string>(outcome.Suspects, StringComparer.Ordinal);
        if (Config.IsDataParallel)
        {
            State.Checks = [.. outcome.Checks ?? []];
            State.PendingCases = [.. outcome.Cases ?? []];
            // Proof is acted on before the round reports closed, so the job's next round already finds
            // the cheaters suspended. The verdicts are stored first; a crash in between reviews again
            // and reopens the same cases, which are idempotent by evidence.
            await _commit.CommitAsync();
            await OpenPendingCasesAsync();
        }

        return true;
    }

    // Opens the fraud cases the round proved; each case grain is idempotent by evidence hash, so a
    // retry after a crash opens nothing twice.
    private async Task OpenPendingCasesAsync()
    {
        if (State.PendingCases.Count == 0)
        {
            return;
        }

        foreach (var evidence in State.PendingCases.ToList())
        {
            try
            {
                await GrainFactory.GetGrain<IFraudCaseGrain>(evidence.Hash()).OpenAsync(evidence);
                State.PendingCases.Remove(evidence);
            }
            catch (Exception ex) when (ex is TimeoutException or OrleansException)
            {
                LogNotifyFailed(Key, $"fraud case for {evidence.Provider}: {ex.Message}");
            }
        }

        await _commit.CommitAsync();
    }

    private async Task RetryOrFailAsync(int received)
    {
        foreach (var task in State.Tasks.Values.Where(RoundBook.IsOutstanding))
        {
            task.State = RoundTaskState.TimedOut;
            task.Reason = "no result by the deadline";
        }

        await CancelOutstandingAsync("the attempt's deadline passed");
        if (State.Attempt < Config.MaxAttempts)
        {
            State.Attempt++;
            if (Config.IsDataParallel)
            {
                var covered = State.CoveredItems();
                await _dataParallel.OpenItemsAsync([.. Config.Shards!.Select(s => s.Index).Where(i => !covered.Contains(i))], withChecks: false);
            }
            else
            {
                await _federated.OpenAttemptAsync(Math.Max(Config.Quorum - received, 1));
            }

            return;
        }

        await FailAsync($"{received} of the {Config.Quorum} results needed arrived after {State.Attempt} attempts");
    }

    private async Task FailAsync(string reason)
    {
        State.Status = RoundStatus.Failed;
        State.FailureReason = reason;
        State.ClosedUtc = _clock.GetUtcNow();
        await _commit.CommitAsync();
        LogFailed(Key, reason);
        await NotifyJobAsync();
    }

    private async Task CancelOutstandingAsync(string reason)
    {
        var timedOut = State.Tasks.Where(t => t.Value.State == RoundTaskState.TimedOut).ToList();
        await Task.WhenAll(timedOut.Select(t => GrainFactory.GetGrain<IProviderWorkGrain>(t.Value.Provider).CancelTaskAsync(t.Key, reason)));
    }

    private async Task NotifyJobAsync()
    {
        await OpenPendingCasesAsync();
        try
        {
            await GrainFactory.GetGrain<ITrainingJobGrain>(Config.JobId).RoundClosedAsync(State.Snapshot());
            State.JobNotified = true;
            await _commit.CommitAsync();
            await this.DropReminderAsync(DeadlineReminder);
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException)
        {
            // The reminder tries again; the job treats a repeated notice as a no-op.
            LogNotifyFailed(Key, ex.Message);
        }
    }

    // When a provider hands in (or gives up) a task, capacity frees up: items that found nobody when
    // the attempt opened are offered again at once instead of waiting for the attempt's deadline.
    private void TopUpSoon()
    {
        if (State.Config is not { IsDataParallel: true } || State.Status != RoundStatus.Collecting || _aggregating || State.UnassignedItems().Count == 0)
        {
            return;
        }

        _topUp?.Dispose();
        _topUp = this.RegisterGrainTimer(_ => State.Status == RoundStatus.Collecting && !_aggregating ? _dataParallel.TopUpAsync() : Task.CompletedTask, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private void ArmDeadline()
    {
        _deadlineTimer?.Dispose();
        var due = State.DeadlineUtc - _clock.GetUtcNow();
        _deadlineTimer = this.RegisterGrainTimer(_ => CloseAsync(atDeadline: true), due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
    }

    private void ScheduleClose()
    {
        _closeSoon?.Dispose();
        _closeSoon = this.RegisterGrainTimer(_ => CloseAsync(atDeadline: false), TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    string IRoundHost.Key => Key;

    RoundState IRoundHost.State => State;

    DateTimeOffset IRoundHost.Now => _clock.GetUtcNow();

    Task IRoundHost.CommitAsync() => _commit.CommitAsync();

    Task<bool> IRoundHost.AssignAsync(string provider, ProviderTask task) => GrainFactory.GetGrain<IProviderWorkGrain>(provider).AssignAsync(task);

    Task<IReadOnlyList<string>> IRoundHost.SampleAsync(ProviderCriteria criteria, int count, IReadOnlyList<string> exclude, int seed) =>
        Registry.SampleAsync(criteria, count, exclude, seed);

    Task<int> IRoundHost.AvailableAsync(ProviderCriteria criteria) => Registry.AvailableAsync(criteria);

    Task<IReadOnlyDictionary<string, double>> IRoundHost.ReputationsAsync(IReadOnlyList<string> providers) => Registry.WeightsAsync(providers);

    void IRoundHost.ArmDeadline() => ArmDeadline();

    void IRoundHost.ScheduleClose() => ScheduleClose();

    void IRoundHost.TopUpSoon() => TopUpSoon();

    Task<SubmitOutcome> IRoundHost.ForwardCarriedAsync(string provider, TaskReport report, int baseRound, ContentReference baseWeights) =>
        Next().SubmitCarriedAsync(provider, report, baseRound, baseWeights);

    void IRoundHost.Attempted(int accepted, int wanted) => LogAttempt(Key, State.Attempt, accepted, wanted);

    void IRoundHost.Replaying(int count) => LogReplays(Key, count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Round {Round} could not delete every unused result")]
    private partial void LogReleaseFailed(Exception exception, string round);

    [LoggerMessage(Level = LogLevel.Information, Message = "Round {Round} attempt {Attempt}: {Accepted} of {Wanted} providers took a task")]
    private partial void LogAttempt(string round, int attempt, int accepted, int wanted);

    [LoggerMessage(Level = LogLevel.Information, Message = "Round {Round} closed with {Results} results: {Outcome}")]
    private partial void LogClosed(string round, int results, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Round {Round} failed: {Reason}")]
    private partial void LogFailed(string round, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Round {Round}: {Count} result(s) sent to the verifier for replay")]
    private partial void LogReplays(string round, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Round {Round} could not notify its job yet: {Reason}")]
    private partial void LogNotifyFailed(string round, string reason);
}
