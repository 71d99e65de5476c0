namespace OrleansAI.Grains.Providers;

/// <summary>
/// One provider: see <see cref="IProviderGrain"/>. Liveness (the attached connection, heartbeats)
/// is memory only and rebuilt by the gateway after any restart; the record and the unanswered tasks
/// are persisted, and re-sent when the provider reattaches.
/// </summary>
public sealed partial class ProviderGrain(
    [PersistentState("provider", "Default")] IPersistentState<ProviderState> state,
    TimeProvider clock,
    ILogger<ProviderGrain> logger,
    Settlement.IRewardsPublisher? rewards = null,
    SuspensionPolicy? suspension = null) : Grain, IProviderGrain
{
    /// <summary>Interval at which an online provider refreshes its registry entry.</summary>
    public static readonly TimeSpan ListingRefresh = TimeSpan.FromSeconds(30);

    private readonly TimeSpan _suspension = suspension?.Period ?? SuspensionPolicy.DefaultPeriod;

    /// <summary>Dropped task ids remembered so a late answer is told it is late rather than foreign.</summary>
    public const int RecentlyCancelledKept = 256;

    /// <summary>Outlier rounds kept in the record.</summary>
    public const int SuspicionsKept = 20;

    private readonly Queue<string> _recentlyCancelled = new();
    private readonly Dictionary<string, DateTimeOffset> _assignedAt = new(StringComparer.Ordinal);
    private DateTimeOffset? _offlineSince;
    private Guid? _connection;
    private ITaskChannel? _channel;
    private DateTimeOffset _lastHeartbeat;
    private DateTimeOffset _lastListed;
    private int? _notedRewardsBps;
    private IGrainTimer? _liveness;

    private string Address => this.GetPrimaryKeyString();

    private IProviderRegistryGrain Registry => GrainFactory.GetGrain<IProviderRegistryGrain>(0);

    /// <inheritdoc />
    public async Task<ProviderSnapshot> ConnectAsync(Guid connectionId, ProviderCapabilities capabilities, ITaskChannel channel)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        ArgumentNullException.ThrowIfNull(channel);
        if (_channel is not null && _connection != connectionId)
        {
            // One live connection per provider: the newer one wins and the older one is told why it ends.
            await _channel.CloseAsync("replaced by a newer connection of the same provider");
        }

        var now = clock.GetUtcNow();
        if (_offlineSince is { } since)
        {
            // Time away between connections counts against uptime (a restart of this grain forgets it).
            Observe(r => r.ObserveTime(now - since, online: false, now, ReputationOptions.Default));
            _offlineSince = null;
        }

        _connection = connectionId;
        _channel = channel;
        _lastHeartbeat = now;
        if (state.State.Capabilities is null)
        {
            state.State.FirstSeenUtc = now;
        }

        state.State.Capabilities = capabilities;
        state.State.LastSeenUtc = now;
        await state.WriteStateAsync();
        await ListAsync();
        _liveness ??= this.RegisterGrainTimer(CheckLivenessAsync, ProviderTimings.Heartbeat, ProviderTimings.Heartbeat);
        foreach (var task in state.State.Pending.Values.Where(t => t.DeadlineUtc > now))
        {
            await channel.DeliverAsync(task);
        }

        if (capabilities.Serves)
        {
            foreach (var placement in state.State.Models.Values)
            {
                await channel.LoadModelAsync(placement);
            }
        }

        LogConnected(Address, capabilities.Device, state.State.Pending.Count);
        return Snapshot();
    }

    /// <inheritdoc />
    public async Task<bool> HeartbeatAsync(Guid connectionId)
    {
        if (_connection != connectionId)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        Observe(r => r.ObserveTime(now - _lastHeartbeat, online: true, now, ReputationOptions.Default));
        _lastHeartbeat = now;
        if (_lastHeartbeat - _lastListed >= ListingRefresh)
        {
            await ListAsync();
        }

        return true;
    }

    /// <inheritdoc />
    public async Task DisconnectAsync(Guid connectionId)
    {
        if (_connection == connectionId)
        {
            await GoOfflineAsync("disconnected");
        }
    }

    /// <inheritdoc />
    public async Task<bool> AssignAsync(ProviderTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (state.State.Pending.ContainsKey(task.TaskId))
        {
            return true;
        }

        if (_channel is null || state.State.Capabilities is null || state.State.Pending.Count >= state.State.Capabilities.MaxConcurrentTasks
            || SuspendedUntil() > clock.GetUtcNow())
        {
            return false;
        }

        state.State.Pending[task.TaskId] = task;
        state.State.Assigned++;
        _assignedAt[task.TaskId] = clock.GetUtcNow();
        await state.WriteStateAsync();
        await _channel.DeliverAsync(task);
        return true;
    }

    /// <inheritdoc />
    public async Task<ResultDecision> SubmitResultAsync(TaskReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!state.State.Pending.TryGetValue(report.TaskId, out var task))
        {
            return NotOpen(report.TaskId);
        }

        if (TaskResults.Mismatch(task, report) is { } problem)
        {
            return await RefuseAsync(task, problem);
        }

        var outcome = await Round(task).SubmitAsync(Address, report);
        await FinishTaskAsync(task.TaskId, outcome);
        return new ResultDecision(outcome, outcome == SubmitOutcome.Refused ? "the round refused the result" : "");
    }

    /// <inheritdoc />
    public async Task<ResultDecision> RefuseResultAsync(string taskId, string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return taskId is not null && state.State.Pending.TryGetValue(taskId, out var task) ? await RefuseAsync(task, reason) : NotOpen(taskId ?? "");
    }

    // Another provider's task is simply not found; one its round dropped is late, said so, so the node stops re-sending it.
    private ResultDecision NotOpen(string taskId) => _recentlyCancelled.Contains(taskId)
        ? new ResultDecision(SubmitOutcome.Late, "its round closed without this result")
        : new ResultDecision(SubmitOutcome.Refused, "not an open task of this provider");

    private async Task<ResultDecision> RefuseAsync(ProviderTask task, string reason)
    {
        await Round(task).ReportFailureAsync(Address, task.TaskId, reason);
        await FinishTaskAsync(task.TaskId, SubmitOutcome.Refused);
        return new ResultDecision(SubmitOutcome.Refused, reason);
    }

    private IAggregationRoundGrain Round(ProviderTask task) => GrainFactory.GetGrain<IAggregationRoundGrain>(task.RoundKey);

    private async Task FinishTaskAsync(string taskId, SubmitOutcome outcome)
    {
        if (!state.State.Pending.Remove(taskId, out var task))
        {
            return;
        }

        var now = clock.GetUtcNow();
        switch (outcome)
        {
            case SubmitOutcome.Accepted:
                state.State.Accepted++;
                state.State.Earnings += state.State.Capabilities?.PricePerTask ?? 0;
                Observe(r => r.Observe(Evidence.ResultAccepted, now, ReputationOptions.Default));
                break;
            case SubmitOutcome.Refused:
                state.State.Failed++;
                Observe(r => r.Observe(Evidence.ResultRefused, now, ReputationOptions.Default));
                break;
        }

        if (_assignedAt.Remove(taskId, out var assigned) && outcome == SubmitOutcome.Accepted && task.DeadlineUtc > assigned)
        {
            Observe(r => r.ObserveTimeliness(now - assigned, task.DeadlineUtc - assigned, now, ReputationOptions.Default));
        }

        await state.WriteStateAsync();
        if (outcome == SubmitOutcome.Refused)
        {
            await RelistAsync();
        }
    }

    /// <inheritdoc />
    public async Task FailTaskAsync(string taskId, string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (taskId is not null && state.State.Pending.TryGetValue(taskId, out var task))
        {
            await Round(task).ReportFailureAsync(Address, taskId, reason);
            state.State.Pending.Remove(taskId);
            state.State.Failed++;
            _assignedAt.Remove(taskId);
            Observe(r => r.Observe(Evidence.TaskFailed, clock.GetUtcNow(), ReputationOptions.Default));
            await state.WriteStateAsync();
            await RelistAsync();
        }
    }

    /// <inheritdoc />
    public async Task CancelTaskAsync(string taskId, string reason)
    {
        if (state.State.Pending.Remove(taskId))
        {
            _recentlyCancelled.Enqueue(taskId);
            if (_recentlyCancelled.Count > RecentlyCancelledKept)
            {
                _recentlyCancelled.Dequeue();
            }

            await state.WriteStateAsync();
            if (_channel is not null)
            {
                await _channel.CancelAsync(taskId, reason);
            }
        }
    }

    /// <inheritdoc />
    public async Task<bool> PlaceModelAsync(ModelPlacement placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        if (_channel is null || state.State.Capabilities?.Serves != true)
        {
            return false;
        }

        if (!state.State.Models.TryGetValue(placement.ModelKey, out var existing) || existing != placement)
        {
            state.State.Models[placement.ModelKey] = placement;
            await state.WriteStateAsync();
        }

        await _channel.LoadModelAsync(placement);
        return true;
    }

    /// <inheritdoc />
    public async Task RemoveModelAsync(string modelKey)
    {
        if (state.State.Models.Remove(modelKey))
        {
            await state.WriteStateAsync();
            if (_channel is not null)
            {
                await _channel.UnloadModelAsync(modelKey);
            }
        }
    }

    /// <inheritdoc />
    public async Task<bool> ReportModelStateAsync(string modelKey, string modelState, string detail)
    {
        if (modelKey is null || !state.State.Models.ContainsKey(modelKey))
        {
            return false;
        }

        await GrainFactory.GetGrain<IModelDeploymentGrain>(modelKey).NodeStateAsync(Address, modelState, detail);
        return true;
    }

    /// <inheritdoc />
    public async Task<InferenceAnswer> InferAsync(InferenceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_channel is not { } channel || !state.State.Models.ContainsKey(request.ModelKey))
        {
            return new InferenceAnswer(null, "the provider is offline or does not hold the model");
        }

        return await channel.InferAsync(request);
    }

    /// <inheritdoc />
    public async Task RecordInferenceCheckAsync(bool agreed)
    {
        var now = clock.GetUtcNow();
        if (agreed)
        {
            Observe(r => r.Observe(Evidence.InferenceAgreed, now, ReputationOptions.Default));
            // Agreements are the common case: persisting every 32nd keeps audits from becoming a write
            // per request, and losing a few on a crash changes no decision.
            if (++state.State.InferenceAgreements % 32 == 0)
            {
                await state.WriteStateAsync();
            }
        }
        else
        {
            state.State.InferenceDisagreements++;
            Observe(r => r.Observe(Evidence.InferenceOutvoted, now, ReputationOptions.Default));
            await state.WriteStateAsync();
            await RelistAsync();
        }
    }

    /// <inheritdoc />
    public async Task RecordSuspicionAsync(string roundKey, string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(roundKey);
        if (state.State.Suspicions.Any(s => s.RoundKey == roundKey))
        {
            return;
        }

        state.State.Suspicions.Add(new Suspicion(roundKey, reason ?? "", clock.GetUtcNow()));
        if (state.State.Suspicions.Count > SuspicionsKept)
        {
            state.State.Suspicions.RemoveAt(0);
        }

        state.State.SuspicionCount++;
        Observe(r => r.Observe(Evidence.Suspected, clock.GetUtcNow(), ReputationOptions.Default));
        await state.WriteStateAsync();
        await RelistAsync();
    }

    /// <inheritdoc />
    public async Task WithdrawFraudAsync(string caseId)
    {
        if (caseId is null || !state.State.FraudCounted.Remove(caseId, out var opened))
        {
            return;
        }

        var now = clock.GetUtcNow();
        Observe(r => r.Retract(Evidence.ProvenFraud, opened, now, ReputationOptions.Default));
        await state.WriteStateAsync();
        await RelistAsync();
    }

    /// <inheritdoc />
    public async Task RecordFraudAsync(string caseId)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        if (state.State.FraudCases.Contains(caseId))
        {
            return;
        }

        state.State.FraudCases.Add(caseId);
        state.State.FraudCounted[caseId] = clock.GetUtcNow();
        Observe(r => r.Observe(Evidence.ProvenFraud, clock.GetUtcNow(), ReputationOptions.Default));
        await state.WriteStateAsync();
        await RelistAsync();
        if (_channel is { } channel && SuspendedUntil() is { } until && until > clock.GetUtcNow())
        {
            // Suspension ends the session too: the node's placements stop serving and its models
            // are placed elsewhere, and the gateway refuses it until the suspension ends.
            var reason = string.Create(CultureInfo.InvariantCulture, $"suspended until {until:u}: proven fraud (case {caseId})");
            await channel.CloseAsync(reason);
            await GoOfflineAsync(reason);
        }
    }

    /// <inheritdoc />
    public Task<ProviderSnapshot> GetAsync() => Task.FromResult(Snapshot());

    private async Task CheckLivenessAsync(CancellationToken cancellationToken)
    {
        if (_channel is not null && clock.GetUtcNow() - _lastHeartbeat > ProviderTimings.EvictAfter)
        {
            await _channel.CloseAsync("missed heartbeats");
            await GoOfflineAsync("missed heartbeats");
        }
    }

    private async Task GoOfflineAsync(string reason)
    {
        _offlineSince = clock.GetUtcNow();
        _connection = null;
        _channel = null;
        _liveness?.Dispose();
        _liveness = null;
        await Registry.UnregisterAsync(Address);
        LogOffline(Address, reason);
    }

    private async Task ListAsync()
    {
        _lastListed = clock.GetUtcNow();
        await Registry.RegisterAsync(new ProviderListing(Address, state.State.Capabilities!, state.State.Pending.Count, Reputation().SamplingWeight(ReputationOptions.Default), SuspendedUntil()));
        NoteRewardsMultiplier();
    }

    // The staking rewards on chain follow the same multiplier as fees; listing is when reputation is
    // re-read anyway (at once on bad news, every refresh otherwise), and only a real move is reported.
    private void NoteRewardsMultiplier()
    {
        if (rewards is null)
        {
            return;
        }

        var bps = (int)Math.Round(ReputationView().FeeMultiplier * 10_000);
        if (_notedRewardsBps is { } noted && Math.Abs(noted - bps) < IRewardsReputationGrain.MinChangeBps)
        {
            return;
        }

        _notedRewardsBps = bps;
        _ = GrainFactory.GetGrain<IRewardsReputationGrain>(0).NoteAsync(Address, bps);
    }

    // Bad news reaches sampling at once instead of at the next refresh.
    private Task RelistAsync() => _channel is not null && state.State.Capabilities is not null ? ListAsync() : Task.CompletedTask;

    private ProviderReputation Reputation() => state.State.Reputation?.ToReputation() ?? ProviderReputation.New(state.State.FirstSeenUtc);

    private void Observe(Func<ProviderReputation, ProviderReputation> change) =>
        state.State.Reputation = ReputationRecord.From(change(Reputation()));

    private ReputationSnapshot ReputationView()
    {
        var options = ReputationOptions.Default;
        var r = Reputation().DecayedTo(clock.GetUtcNow(), options);
        return new ReputationSnapshot(r.Score(options), r.OutcomeScore, r.Successes, r.Failures, r.Uptime, r.Timeliness, r.FeeMultiplier(options));
    }

    private ProviderSnapshot Snapshot() => new(
        Address,
        _channel is not null ? ProviderStatus.Online : state.State.Capabilities is null ? ProviderStatus.Unknown : ProviderStatus.Offline,
        state.State.Capabilities,
        state.State.FirstSeenUtc,
        _channel is not null ? _lastHeartbeat : state.State.LastSeenUtc,
        state.State.Pending.Count,
        state.State.Assigned,
        state.State.Accepted,
        state.State.Failed,
        state.State.Earnings,
        [.. state.State.Models.Keys],
        state.State.InferenceAgreements,
        state.State.InferenceDisagreements,
        ReputationView(),
        [.. state.State.FraudCases],
        [.. state.State.Suspicions],
        state.State.SuspicionCount,
        SuspendedUntil());

    // Proven fraud that was not taken back keeps the provider from new work for a while: it has
    // already shown it will cheat, and each further task would only cost the platform a replay.
    private DateTimeOffset? SuspendedUntil() =>
        state.State.FraudCounted.Count == 0 ? null : state.State.FraudCounted.Values.Max() + _suspension;

    [LoggerMessage(Level = LogLevel.Information, Message = "Provider {Address} connected ({Device}); {Pending} unanswered tasks re-sent")]
    private partial void LogConnected(string address, string device, int pending);

    [LoggerMessage(Level = LogLevel.Information, Message = "Provider {Address} offline: {Reason}")]
    private partial void LogOffline(string address, string reason);
}
