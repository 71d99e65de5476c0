using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using OrleansAI.Federation;
using OrleansAI.Grains.Interfaces.Jobs;
using OrleansAI.Grains.Interfaces.Providers;
using OrleansAI.Grains.Interfaces.Rounds;
using OrleansAI.Grains.Interfaces.Storage;
using OrleansAI.Grains.Storage;
using OrleansAI.Grains.Verification;

namespace OrleansAI.Grains.Rounds;

/// <summary>
/// One round: see <see cref="IAggregationRoundGrain"/>. Tasks are recorded before they are offered,
/// results before they are acknowledged, the outcome before the job hears of it; the deadline is a
/// timer backed by a reminder, so a round whose silo died closes on whichever silo wakes it.
/// Closing always happens in a turn of its own (a timer), never inside a provider's submission,
/// so the round never calls back into a caller that is waiting on it.
/// </summary>
public sealed partial class AggregationRoundGrain(
    [PersistentState("round", "Default")] IPersistentState<RoundState> state,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<AggregationRoundGrain> logger) : Grain, IAggregationRoundGrain, IRemindable
{
    /// <summary>Largest result a training task may upload: the weights as float32 plus room for headers.</summary>
    public const long ResultOverheadBytes = 1 << 20;

    private const string DeadlineReminder = "deadline";

    /// <summary>Result bytes all rounds of a silo keep in memory while they collect; past this, closing reads the rest.</summary>
    private const long PrefetchBudgetBytes = 512L << 20;

    // Per silo, not per round: early reads of every round share one bound on the store and one budget.
    private static readonly SemaphoreSlim PrefetchGate = new(2 * RoundAggregator.ConcurrentReads);
    private static long s_prefetchedBytes;

    private readonly Dictionary<string, Task<FetchedResult>> _prefetched = new(StringComparer.Ordinal);

    private IGrainTimer? _deadlineTimer;
    private IGrainTimer? _closeSoon;
    private IGrainTimer? _topUp;
    private long _prefetchedBytes;
    private bool _aggregating;
    private Task _lastWrite = Task.CompletedTask;
    private Task? _queuedWrite;

    private RoundConfig Config => state.State.Config!;

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // A round that fails, is cancelled or is moved gives its share of the silo's budget back.
        ForgetPrefetched();
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Status == RoundStatus.Collecting)
        {
            ArmDeadline();
            if (state.State.Tasks.Values.Any(t => t.State == RoundTaskState.Offered))
            {
                // The previous activation died while offering: offer again (idempotent by task id).
                this.RegisterGrainTimer(_ => ReofferAsync(), TimeSpan.Zero, Timeout.InfiniteTimeSpan);
            }

            if (ReadyToClose())
            {
                // Every result was in when the previous activation died before closing.
                ScheduleClose();
            }
        }
        else if (state.State.Status is RoundStatus.Closed or RoundStatus.Failed && !state.State.JobNotified)
        {
            ScheduleClose();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<RoundSnapshot> StartAsync(RoundConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (state.State.Status != RoundStatus.NotStarted)
        {
            return Snapshot();
        }

        if (RoundKeys.Of(config.JobId, config.Round) != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"Round '{this.GetPrimaryKeyString()}' was given the config of {RoundKeys.Of(config.JobId, config.Round)}.", nameof(config));
        }

        state.State.Config = config;
        state.State.Status = RoundStatus.Collecting;
        state.State.Attempt = 1;
        state.State.OpenedUtc = clock.GetUtcNow();
        await this.RegisterOrUpdateReminder(DeadlineReminder, config.Timeout + TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1));
        if (config.IsDataParallel)
        {
            await OpenItemsAsync([.. config.Shards!.Select(s => s.Index)], withChecks: config.Kind == TaskKind.Train);
        }
        else
        {
            await OpenAttemptAsync(TargetCount(await Registry.AvailableAsync(config.Criteria)));
            if (config is { Kind: TaskKind.Train, Root: not null })
            {
                await OfferRootAsync();
            }
        }

        return Snapshot();
    }

    /// <inheritdoc />
    public async Task<SubmitOutcome> SubmitAsync(string provider, TaskReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!state.State.Tasks.TryGetValue(report.TaskId, out var task) || task.Provider != provider)
        {
            return SubmitOutcome.Refused;
        }

        if (task.State == RoundTaskState.Carried && state.State.Status == RoundStatus.Closed && Invalid(report) is null)
        {
            // FedBuff: the straggler's work is not wasted; the round in progress weighs it by staleness.
            return await Next().SubmitCarriedAsync(provider, report, Config.Round - 1, Config.Weights);
        }

        if (state.State.Status != RoundStatus.Collecting || _aggregating)
        {
            return SubmitOutcome.Late;
        }

        if (task.State == RoundTaskState.Done)
        {
            return SubmitOutcome.Duplicate;
        }

        if (Invalid(report) is { } problem)
        {
            task.State = RoundTaskState.Failed;
            task.Reason = problem;
            await CommitAsync();
            return SubmitOutcome.Refused;
        }

        // A result that arrives after its attempt's deadline still counts while the round collects:
        // it was trained from the same global model.
        task.State = RoundTaskState.Done;
        task.Report = report;
        task.ReportedUtc = clock.GetUtcNow();
        Prefetch(report);
        await CommitAsync();
        if (ReadyToClose())
        {
            ScheduleClose();
        }
        else
        {
            TopUpSoon();
        }

        return SubmitOutcome.Accepted;
    }

    /// <inheritdoc />
    public async Task<SubmitOutcome> SubmitCarriedAsync(string provider, TaskReport report, int baseRound, ContentReference baseWeights)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(baseWeights);
        if (state.State.Config is not { Kind: TaskKind.Train, BufferSize: > 0 } || baseRound >= Config.Round - 1 || Invalid(report) is not null)
        {
            return SubmitOutcome.Late;
        }

        if (state.State.Status == RoundStatus.Closed)
        {
            return await Next().SubmitCarriedAsync(provider, report, baseRound, baseWeights);
        }

        if (state.State.Status != RoundStatus.Collecting || _aggregating)
        {
            return SubmitOutcome.Late;
        }

        if (state.State.Tasks.ContainsKey(report.TaskId))
        {
            return SubmitOutcome.Duplicate;
        }

        state.State.Tasks[report.TaskId] = new RoundTask
        {
            Provider = provider,
            Attempt = state.State.Attempt,
            State = RoundTaskState.Done,
            Report = report,
            BaseRound = baseRound,
            BaseWeights = baseWeights,
            ReportedUtc = clock.GetUtcNow(),
        };
        Prefetch(report);
        await CommitAsync();
        if (ReadyToClose())
        {
            ScheduleClose();
        }

        return SubmitOutcome.Accepted;
    }

    /// <inheritdoc />
    public async Task ReportFailureAsync(string provider, string taskId, string reason)
    {
        if (state.State.Status != RoundStatus.Collecting || _aggregating
            || !state.State.Tasks.TryGetValue(taskId, out var task)
            || task.Provider != provider
            || task.State is not (RoundTaskState.Pending or RoundTaskState.Offered))
        {
            return;
        }

        task.State = RoundTaskState.Failed;
        task.Reason = reason.Length > 200 ? reason[..200] : reason;
        await CommitAsync();
        TopUpSoon();
        if (ReadyToClose() || !state.State.Tasks.Values.Any(IsOutstanding) && !(Config.IsDataParallel && UnassignedItems().Count > 0))
        {
            ScheduleClose();
        }
    }

    /// <inheritdoc />
    public async Task CancelAsync(string reason)
    {
        if (state.State.Status != RoundStatus.Collecting || _aggregating)
        {
            return;
        }

        foreach (var task in state.State.Tasks.Values.Where(t => IsOutstanding(t) || t.State == RoundTaskState.Carried))
        {
            task.State = RoundTaskState.TimedOut;
            task.Reason = reason;
        }

        state.State.Status = RoundStatus.Failed;
        state.State.FailureReason = reason;
        state.State.ClosedUtc = clock.GetUtcNow();
        state.State.JobNotified = true;
        await CommitAsync();
        _deadlineTimer?.Dispose();
        await CancelOutstandingAsync(reason);
        await this.DropReminderAsync(DeadlineReminder);
    }

    /// <inheritdoc />
    public Task<RoundSnapshot> GetAsync() => Task.FromResult(Snapshot());

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Status == RoundStatus.Collecting)
        {
            if (clock.GetUtcNow() >= state.State.DeadlineUtc)
            {
                await CloseAsync(atDeadline: true);
            }

            return;
        }

        if (!state.State.JobNotified && state.State.Config is not null)
        {
            await NotifyJobAsync();
        }

        await this.DropReminderAsync(DeadlineReminder);
    }

    private IAggregationRoundGrain Next() => GrainFactory.GetGrain<IAggregationRoundGrain>(RoundKeys.Of(Config.JobId, Config.Round + 1));

    private IProviderRegistryGrain Registry => GrainFactory.GetGrain<IProviderRegistryGrain>(0);

    private int TargetCount(int available) =>
        Math.Max(Config.MinProviders, (int)Math.Ceiling(Config.FractionPerRound * available));

    private bool ReadyToClose()
    {
        if (Config.IsDataParallel)
        {
            return CoveredItems().Count == Config.Shards!.Count && !state.State.Tasks.Values.Any(IsOutstanding);
        }

        var done = state.State.Tasks.Values.Count(t => t.State == RoundTaskState.Done && t.Role != TaskRole.Root);
        return (Config.BufferSize > 0 && done >= Config.BufferSize)
            || (done >= Config.Quorum && !state.State.Tasks.Values.Any(IsOutstanding));
    }

    private static bool IsOutstanding(RoundTask task) => task.State is RoundTaskState.Offered or RoundTaskState.Pending;

    private string? Invalid(TaskReport report)
    {
        if (Config.Kind == TaskKind.Train && (report.Result is null || report.Examples <= 0))
        {
            return "a training result needs a result blob and a positive example count";
        }

        if (report.EvalExamples < 0 || !double.IsFinite(report.EvalLoss) && report.EvalExamples > 0 || report.EvalAccuracy is < 0 or > 1)
        {
            return "the evaluation figures are out of range";
        }

        return Config.Kind == TaskKind.Evaluate && report.EvalExamples <= 0 ? "an evaluation result needs evaluated examples" : null;
    }

    // Offers tasks to up to `wanted` providers that have not had one in this round, topping up from
    // spare candidates when some turn the offer down (offline, full).
    private async Task OpenAttemptAsync(int wanted)
    {
        state.State.DeadlineUtc = clock.GetUtcNow() + Config.Timeout;
        // Never two live tasks for one provider in a round, nor a new one for a provider that said it
        // cannot do the work; providers that timed out or declined before are asked again only when
        // there are not enough fresh ones (a small network after a restart is mostly such providers).
        var busy = state.State.Tasks.Values
            .Where(t => t.State is RoundTaskState.Offered or RoundTaskState.Pending or RoundTaskState.Done or RoundTaskState.Failed)
            .Select(t => t.Provider).Distinct().ToList();
        var tried = state.State.Tasks.Values.Select(t => t.Provider).ToHashSet(StringComparer.Ordinal);
        // The platform's verifiers are never sampled for ordinary work.
        var sampled = await Registry.SampleAsync(Config.Criteria, wanted * 2 + tried.Count, [.. busy, .. Setup.Verifiers], unchecked((int)Config.Seed * 31 + state.State.Attempt));
        var candidates = sampled.Where(p => !tried.Contains(p)).Concat(sampled.Where(tried.Contains)).ToList();
        var accepted = 0;
        foreach (var batch in candidates.Chunk(Math.Max(1, wanted)))
        {
            var offers = batch.Take(wanted - accepted).Select(provider => (Id: Guid.NewGuid().ToString("N"), Provider: provider)).ToList();
            foreach (var (id, provider) in offers)
            {
                state.State.Tasks[id] = new RoundTask { Provider = provider, Attempt = state.State.Attempt, State = RoundTaskState.Offered };
            }

            await CommitAsync();
            var results = await Task.WhenAll(offers.Select(o => GrainFactory.GetGrain<IProviderGrain>(o.Provider).AssignAsync(TaskFor(o.Id))));
            for (var i = 0; i < offers.Count; i++)
            {
                var task = state.State.Tasks[offers[i].Id];
                accepted += results[i] ? 1 : 0;
                if (task.State != RoundTaskState.Offered)
                {
                    // A fast provider already answered while the offers were going out.
                    continue;
                }

                task.State = results[i] ? RoundTaskState.Pending : RoundTaskState.Declined;
                task.Reason = results[i] ? "" : "offline or at capacity";
            }

            await CommitAsync();
            if (accepted >= wanted)
            {
                break;
            }
        }

        LogAttempt(this.GetPrimaryKeyString(), state.State.Attempt, accepted, wanted);
        ArmDeadline();
        if (accepted > 0 && ReadyToClose())
        {
            ScheduleClose();
        }

        // With nobody taking the work the attempt waits out its deadline: providers come back after
        // restarts and network blips, and burning every attempt at once would fail the job for nothing.
    }

    private async Task ReofferAsync()
    {
        var offered = state.State.Tasks.Where(t => t.Value.State == RoundTaskState.Offered).ToList();
        var results = await Task.WhenAll(offered.Select(t => GrainFactory.GetGrain<IProviderGrain>(t.Value.Provider).AssignAsync(TaskFor(t.Key))));
        for (var i = 0; i < offered.Count; i++)
        {
            if (offered[i].Value.State == RoundTaskState.Offered)
            {
                offered[i].Value.State = results[i] ? RoundTaskState.Pending : RoundTaskState.Declined;
            }
        }

        await CommitAsync();
    }

    private ProviderTask TaskFor(string taskId) => state.State.Tasks.TryGetValue(taskId, out var known) && (known.Item is not null || known.Role == TaskRole.Root)
        ? known.Role == TaskRole.Root ? RootTask(taskId) : ItemTask(taskId, known.Item!.Value)
        : BaseTask(taskId, Config.Seed * 1_000_003 + int.Parse(taskId.AsSpan(0, 7), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture));

    // A federated task: the provider's own data, named by the criteria's dataset.
    private ProviderTask BaseTask(string taskId, long seed) => new(
        taskId,
        Config.Kind,
        Config.JobId,
        Config.Round,
        Config.SpecJson,
        Config.Weights,
        Config.Kind == TaskKind.Train ? Config.Weights.Length + ResultOverheadBytes : 0,
        Config.LocalEpochs,
        Config.LearningRate,
        Config.BatchSize,
        Config.ProximalMu,
        Config.Compression,
        Config.Criteria.Dataset,
        state.State.DeadlineUtc,
        seed);

    private VerificationSetup Setup => services.GetService<VerificationSetup>() ?? VerificationSetup.None;

    // Items with at least one accepted result from anyone.
    private HashSet<int> CoveredItems() =>
        [.. state.State.Tasks.Values.Where(t => t.State == RoundTaskState.Done && t.Item is not null).Select(t => t.Item!.Value)];

    // Whether the provider already has (or had) a task of this item in this round: replicas must be
    // independent, and nobody is asked to check their own work.
    private bool Holds(string provider, int item) =>
        state.State.Tasks.Values.Any(t => t.Item == item && t.Provider == provider && t.State != RoundTaskState.Declined);

    // Data-parallel assignment: every item once (primaries spread over the sampled providers, fresh
    // ones first), and on the first attempt a random share again on other providers (replicas) or on
    // the platform's verifier (canaries). Which items are checked is drawn from a cryptographic
    // source and kept in the round's state only, so no provider can predict or tell.
    private async Task OpenItemsAsync(List<int> items, bool withChecks, bool newAttempt = true)
    {
        if (newAttempt)
        {
            state.State.DeadlineUtc = clock.GetUtcNow() + Config.Timeout;
        }

        var setup = Setup;
        var holding = state.State.Tasks.Values.Where(t => t.State != RoundTaskState.Declined).Select(t => t.Provider).ToHashSet(StringComparer.Ordinal);
        var sampled = await Registry.SampleAsync(Config.Criteria, Math.Max(items.Count * 2, 4) + holding.Count, setup.Verifiers, unchecked((int)Config.Seed * 31 + state.State.Attempt));
        var candidates = sampled.Where(p => !holding.Contains(p)).Concat(sampled.Where(holding.Contains)).ToList();
        var offered = items.Count;
        var accepted = await OfferItemsAsync([.. items.Select((item, i) => (item, TaskRole.Primary, (IReadOnlyList<string>)candidates, i))]);

        if (withChecks && Config.Verification is { } verification)
        {
            // Checks are drawn per item once its primary is known: a provider with a poor record has
            // its work checked more often (CheckRates).
            var primaries = state.State.Tasks.Values
                .Where(t => t.Role == TaskRole.Primary && t.Item is not null && t.State is RoundTaskState.Pending or RoundTaskState.Done)
                .GroupBy(t => t.Item!.Value)
                .ToDictionary(g => g.Key, g => g.First().Provider);
            var reputations = await Registry.WeightsAsync([.. primaries.Values.Distinct(StringComparer.Ordinal)]);
            var random = new Random(System.Security.Cryptography.RandomNumberGenerator.GetInt32(int.MaxValue));
            var checks = new List<(int Item, TaskRole Role, IReadOnlyList<string> Eligible, int Start)>();
            foreach (var item in items)
            {
                var reputation = primaries.TryGetValue(item, out var primary) ? reputations.GetValueOrDefault(primary, 1) : 1;
                if (random.NextDouble() < Federation.Verification.CheckRates.Rate(verification.ReplicationShare, reputation))
                {
                    checks.AddRange(Enumerable.Range(1, verification.Replicas - 1).Select(_ => (item, TaskRole.Replica, (IReadOnlyList<string>)candidates, Random.Shared.Next(Math.Max(1, candidates.Count)))));
                }

                if (setup.Verifiers.Count > 0 && random.NextDouble() < Federation.Verification.CheckRates.Rate(verification.CanaryRate, reputation))
                {
                    checks.Add((item, TaskRole.Canary, setup.Verifiers, Random.Shared.Next(setup.Verifiers.Count)));
                }
            }

            offered += checks.Count;
            accepted += await OfferItemsAsync(checks);
        }

        LogAttempt(this.GetPrimaryKeyString(), state.State.Attempt, accepted, offered);
        ArmDeadline();
        if (accepted > 0 && ReadyToClose())
        {
            ScheduleClose();
        }
    }

    // Offers many item tasks at once: each to the first eligible provider from its start that does not
    // hold the item, all recorded in one write and assigned concurrently (a round's start is on the
    // job's critical path); a refused offer then tries the rest of its providers one by one.
    private async Task<int> OfferItemsAsync(List<(int Item, TaskRole Role, IReadOnlyList<string> Eligible, int Start)> offers)
    {
        var batch = new List<(string Id, int Offer, int Next)>();
        for (var i = 0; i < offers.Count; i++)
        {
            var (item, role, eligible, start) = offers[i];
            for (var tries = 0; tries < eligible.Count; tries++)
            {
                var provider = eligible[(start + tries) % eligible.Count];
                if (!Holds(provider, item))
                {
                    var id = Guid.NewGuid().ToString("N");
                    state.State.Tasks[id] = new RoundTask { Provider = provider, Attempt = state.State.Attempt, State = RoundTaskState.Offered, Item = item, Role = role };
                    batch.Add((id, i, start + tries + 1));
                    break;
                }
            }
        }

        if (batch.Count == 0)
        {
            return 0;
        }

        await CommitAsync();
        var taken = await Task.WhenAll(batch.Select(b => GrainFactory.GetGrain<IProviderGrain>(state.State.Tasks[b.Id].Provider).AssignAsync(TaskFor(b.Id))));
        var accepted = 0;
        var refused = new List<(int Offer, int Next)>();
        for (var i = 0; i < batch.Count; i++)
        {
            var task = state.State.Tasks[batch[i].Id];
            if (task.State == RoundTaskState.Offered)
            {
                task.State = taken[i] ? RoundTaskState.Pending : RoundTaskState.Declined;
                task.Reason = taken[i] ? "" : "offline or at capacity";
            }

            if (taken[i])
            {
                accepted++;
            }
            else
            {
                if (task.Role is TaskRole.Primary or TaskRole.Replica && task.State == RoundTaskState.Declined)
                {
                    state.State.Tasks.Remove(batch[i].Id);
                }

                refused.Add((batch[i].Offer, batch[i].Next));
            }
        }

        await CommitAsync();
        foreach (var (offer, next) in refused)
        {
            var (item, role, eligible, _) = offers[offer];
            accepted += await OfferItemAsync(item, role, eligible, next) ? 1 : 0;
        }

        return accepted;
    }

    // Offers one task of an item to the eligible providers in turn, from `start`, until one takes it.
    private async Task<bool> OfferItemAsync(int item, TaskRole role, IReadOnlyList<string> eligible, int start)
    {
        for (var tries = 0; tries < eligible.Count; tries++)
        {
            var provider = eligible[(start + tries) % eligible.Count];
            if (Holds(provider, item))
            {
                continue;
            }

            var id = Guid.NewGuid().ToString("N");
            state.State.Tasks[id] = new RoundTask { Provider = provider, Attempt = state.State.Attempt, State = RoundTaskState.Offered, Item = item, Role = role };
            await CommitAsync();
            var taken = await GrainFactory.GetGrain<IProviderGrain>(provider).AssignAsync(TaskFor(id));
            var task = state.State.Tasks[id];
            if (task.State == RoundTaskState.Offered)
            {
                task.State = taken ? RoundTaskState.Pending : RoundTaskState.Declined;
                task.Reason = taken ? "" : "offline or at capacity";
            }

            if (taken)
            {
                return true;
            }

            if (role is TaskRole.Primary or TaskRole.Replica && task.State == RoundTaskState.Declined)
            {
                // A refused offer is no work: forgetting it keeps the round small when offers are
                // retried as providers free up. (A refused replay is kept: it says the verifier was tried.)
                state.State.Tasks.Remove(id);
            }
        }

        return false;
    }

    // Items nobody is working on: every task they had was refused, failed or timed out.
    private List<int> UnassignedItems() =>
        [.. Config.Shards!.Select(s => s.Index).Where(i => !state.State.Tasks.Values.Any(t => t.Item == i && t.State is RoundTaskState.Offered or RoundTaskState.Pending or RoundTaskState.Done))];

    // When a provider hands in (or gives up) a task, capacity frees up: items that found nobody when
    // the attempt opened are offered again at once instead of waiting for the attempt's deadline.
    private void TopUpSoon()
    {
        if (state.State.Config is not { IsDataParallel: true } || state.State.Status != RoundStatus.Collecting || _aggregating || UnassignedItems().Count == 0)
        {
            return;
        }

        _topUp?.Dispose();
        _topUp = this.RegisterGrainTimer(_ => TopUpAsync(), TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private async Task TopUpAsync()
    {
        var items = UnassignedItems();
        if (items.Count > 0 && state.State.Status == RoundStatus.Collecting && !_aggregating)
        {
            await OpenItemsAsync(items, withChecks: false, newAttempt: false);
        }
    }

    // Federated rounds with a root dataset: the platform's verifier trains the round's model on it,
    // and the update it returns is what every provider's update is scored against (FLTrust). Any
    // verifier will do; none online means the round aggregates without the reference.
    private async Task OfferRootAsync()
    {
        foreach (var verifier in Setup.Verifiers.OrderBy(_ => Random.Shared.Next()))
        {
            var id = Guid.NewGuid().ToString("N");
            state.State.Tasks[id] = new RoundTask { Provider = verifier, Attempt = state.State.Attempt, State = RoundTaskState.Offered, Role = TaskRole.Root };
            await CommitAsync();
            var taken = await GrainFactory.GetGrain<IProviderGrain>(verifier).AssignAsync(TaskFor(id));
            var task = state.State.Tasks[id];
            if (task.State == RoundTaskState.Offered)
            {
                task.State = taken ? RoundTaskState.Pending : RoundTaskState.Declined;
            }

            await CommitAsync();
            if (taken)
            {
                return;
            }
        }
    }

    private ProviderTask RootTask(string taskId) => BaseTask(taskId, Config.Seed) with
    {
        Kind = TaskKind.Train,
        MaxResultBytes = Config.Weights.Length + ResultOverheadBytes,
        ProximalMu = 0,
        Compression = "none",
        Dataset = "",
        TrainData = Config.Root,
        TestData = Config.Root,
    };

    // Every task of an item is the same task: same weights, shard, seed and hyper-parameters.
    private ProviderTask ItemTask(string taskId, int item)
    {
        var shard = Config.Shards![item];
        return BaseTask(taskId, Config.Seed * 1_000_003 + item) with { Dataset = "", TrainData = shard.Train, TestData = shard.Test, Item = item };
    }

    // Reviews a data-parallel round's results and, unless replays had to go out first (false), aggregates
    // one trusted result per item and records the verdicts and the fraud they prove.
    private async Task<bool> ReviewDataParallelAsync(List<(string Key, RoundTask Value)> done)
    {
        var store = services.GetService<IContentStore>() ?? throw new InvalidOperationException("No content store is configured; rounds cannot aggregate.");
        var setup = Setup;
        var verification = Config.Verification ?? VerificationSettings.Off;
        var tolerance = new Federation.Verification.TrainingTolerance(verification.MinCosine, verification.MaxAbsDifference);
        var loaded = await DataParallelReview.LoadAsync(store, Config, done, setup, _prefetched, CancellationToken.None);
        // An item can still be replayed while it never had a verifier task; one that was tried and
        // failed (verifier offline, late) is decided without it.
        bool Replayable(int item) => setup.Verifiers.Count > 0
            && !state.State.Tasks.Values.Any(t => t.Item == item && t.Role is TaskRole.Canary or TaskRole.Replay && t.State != RoundTaskState.Done);
        var decisions = DataParallelReview.Decide(loaded, tolerance, setup, Replayable);
        var replays = decisions
            .Where(d => d.Value.Verdicts.All(v => !setup.IsVerifier(state.State.Tasks[v.Id].Provider)) && Replayable(d.Key)
                && (d.Value.NeedsVerifier || verification.ReplayOutliers && d.Value.Verdicts.Any(v => loaded.Flags.ContainsKey(v.Id))))
            .Select(d => d.Key)
            .ToList();
        if (replays.Count > 0)
        {
            var sent = 0;
            foreach (var item in replays)
            {
                sent += await OfferItemAsync(item, TaskRole.Replay, setup.Verifiers, item) ? 1 : 0;
                if (!state.State.Tasks.Values.Any(t => t.Item == item && t.Role == TaskRole.Replay))
                {
                    // Every verifier holds the item already (it ran it as a canary): nothing to wait for.
                    state.State.Tasks[Guid.NewGuid().ToString("N")] = new RoundTask { Provider = "", Attempt = state.State.Attempt, State = RoundTaskState.Declined, Item = item, Role = TaskRole.Replay, Reason = "no verifier could take it" };
                }
            }

            if (sent > 0)
            {
                // The replays get a deadline of their own; the round closes when they are in.
                state.State.DeadlineUtc = clock.GetUtcNow() + Config.Timeout;
                await CommitAsync();
                ArmDeadline();
                LogReplays(this.GetPrimaryKeyString(), sent);
                return false;
            }

            decisions = DataParallelReview.Decide(loaded, tolerance, setup, Replayable);
        }

        // The task inputs an arbiter needs are stored only when there is evidence to cite them.
        var evidenceInputs = decisions.Values.Any(d => d.ProvenWrong.Any()) ? await StoreTaskInputsAsync(store) : null;
        var updates = new List<ClientUpdate>();
        var suspects = new Dictionary<string, string>(StringComparer.Ordinal);
        var checks = new List<ItemCheck>();
        var cases = new List<Interfaces.Verification.FraudEvidence>();
        var failures = loaded.Undecodable.Select(u => new ClientFailure(state.State.Tasks[u.Key].Provider, u.Value)).ToList();
        foreach (var (item, decision) in decisions.OrderBy(d => d.Key))
        {
            var accepted = decision.AcceptedId;
            var acceptedVerdict = decision.Verdicts.FirstOrDefault(v => v.Id == accepted);
            if (accepted is not null && acceptedVerdict?.Standing == Federation.Verification.ReplicaStanding.Unchecked && loaded.Flags.TryGetValue(accepted, out var why))
            {
                // Flagged and nobody could replay it: not used, and a suspicion, never proof.
                suspects[state.State.Tasks[accepted].Provider] = why;
                accepted = null;
            }

            foreach (var verdict in decision.Verdicts.Where(v => v.Standing == Federation.Verification.ReplicaStanding.Unresolved))
            {
                suspects.TryAdd(state.State.Tasks[verdict.Id].Provider, "its result disagreed with another provider's for the same task and nothing could settle it");
            }

            if (accepted is not null)
            {
                updates.Add(new ClientUpdate(accepted, loaded.Parameters[accepted], state.State.Tasks[accepted].Report!.Examples, Config.Round - 1));
            }

            var itemCases = new List<string>();
            foreach (var wrong in decision.ProvenWrong)
            {
                var evidence = Evidence(item, wrong, decision, evidenceInputs!);
                cases.Add(evidence);
                itemCases.Add(evidence.Hash());
            }

            if (decision.Verdicts.Count > 1 || decision.Verdicts.Any(v => loaded.Flags.ContainsKey(v.Id)))
            {
                checks.Add(new ItemCheck(item, Outcome(decision, accepted), accepted, [.. decision.Verdicts.Select(v => Checked(v, loaded.Flags))], itemCases));
            }
        }

        // Evidence names results by hash, and an arbiter fetches them by hash: every result a case
        // cites becomes content, which outlives the task it was uploaded for.
        await Task.WhenAll(cases.SelectMany(c => c.Answers).Select(a => a.TaskId).Distinct(StringComparer.Ordinal)
            .Select(id => store.PromoteUploadAsync(id, state.State.Tasks[id].Report!.Result!, CancellationToken.None)));
        var (outcome, next, nextState) = await RoundAggregator.ApplyStrategyAsync(store, Config, loaded.Plan,
            strategy => updates.Count == 0
                ? AggregationOutcome.KeepCurrent("no trusted result in the round", [])
                : strategy.AggregateFit(Config.Round, loaded.Current, updates, failures),
            CancellationToken.None);
        var used = outcome.Used.ToHashSet(StringComparer.Ordinal);
        // Replicas that agreed did the same verified work as the result the model used: they earn too.
        // Canaries and replays are the platform's own checks and earn only when the model uses them.
        var earned = decisions.Values.SelectMany(d => d.Verdicts)
            .Where(v => v.Standing == Federation.Verification.ReplicaStanding.Agreed && state.State.Tasks[v.Id].Role is TaskRole.Primary or TaskRole.Replica)
            .Select(v => v.Id)
            .Concat(used)
            .ToHashSet(StringComparer.Ordinal);
        state.State.NewWeights = next;
        state.State.KeptBecause = outcome.KeptBecause;
        state.State.StrategyState = nextState;
        state.State.Suspects = suspects;
        state.State.Checks = checks;
        state.State.PendingCases = cases;
        state.State.Contributions = [.. done.Select(d => new RoundContribution(
            d.Value.Provider,
            d.Key,
            d.Value.Report!.Result!.Sha256,
            d.Value.Report.Examples,
            used.Contains(d.Key),
            loaded.Undecodable.GetValueOrDefault(d.Key)
                ?? (used.Contains(d.Key) ? $"item {d.Value.Item}" : $"item {d.Value.Item}, {RoleName(d.Value.Role)}: not used"),
            earned.Contains(d.Key)))];
        return true;
    }

    // The task's inputs as canonical JSON in the store: what an arbiter needs to re-run it.
    private async Task<ContentReference> StoreTaskInputsAsync(IContentStore store)
    {
        var inputs = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["job"] = Config.JobId,
            ["round"] = Config.Round,
            ["spec"] = Config.SpecJson,
            ["weights"] = Config.Weights.Sha256,
            ["shards"] = Config.Shards!.Select(s => new { s.Index, train = s.Train.Sha256, test = s.Test.Sha256 }).ToList(),
            ["seed"] = $"{Config.Seed} * 1000003 + item",
            ["localEpochs"] = Config.LocalEpochs,
            ["learningRate"] = Config.LearningRate,
            ["batchSize"] = Config.BatchSize,
            ["proximalMu"] = Config.ProximalMu,
            ["optimizer"] = "adam",
        });
        using var content = new MemoryStream(inputs);
        return await store.PutAsync(content, CancellationToken.None);
    }

    private Interfaces.Verification.FraudEvidence Evidence(int item, Federation.Verification.ReplicaVerdict wrong, Federation.Verification.ReplicaDecision decision, ContentReference inputs)
    {
        var judge = state.State.Tasks[wrong.Against!];
        var kind = judge.Role switch
        {
            TaskRole.Canary => "training-canary",
            TaskRole.Replay => "training-replay",
            _ => "training-replication",
        };
        return new Interfaces.Verification.FraudEvidence(
            kind,
            state.State.Tasks[wrong.Id].Provider,
            $"{Config.JobId}/{Config.Round}/{item}",
            wrong.Id,
            inputs,
            Setup.ChainId,
            [.. decision.Verdicts.Select(v =>
            {
                var task = state.State.Tasks[v.Id];
                return new Interfaces.Verification.SignedAnswer(task.Provider, task.Report!.Result!.Sha256, task.Report.Result, "", task.Report.Signature,
                    v.Standing == Federation.Verification.ReplicaStanding.Agreed, v.Id, task.Report.Examples, task.Report.Runtime);
            })],
            clock.GetUtcNow());
    }

    private string Outcome(Federation.Verification.ReplicaDecision decision, string? accepted)
    {
        var wrong = decision.ProvenWrong.Count();
        var basis = decision.Verdicts.Any(v => v.Against is { } a && state.State.Tasks[a].Role is TaskRole.Canary or TaskRole.Replay) ? "the verifier" : "the other providers";
        return (accepted, wrong) switch
        {
            (null, _) => "no result could be trusted; the item was left out",
            (_, 0) when decision.Verdicts.Count == 1 => "flagged by the screen; used",
            (_, 0) => $"all results agree (checked against {basis})",
            _ => $"{wrong} result(s) proven wrong against {basis}",
        };
    }

    private CheckedResult Checked(Federation.Verification.ReplicaVerdict verdict, IReadOnlyDictionary<string, string> flags)
    {
        var task = state.State.Tasks[verdict.Id];
        return new CheckedResult(
            task.Provider,
            verdict.Id,
            RoleName(task.Role),
            task.Report!.Result!.Sha256,
            verdict.Standing switch
            {
                Federation.Verification.ReplicaStanding.Agreed => "agreed",
                Federation.Verification.ReplicaStanding.ProvenWrong => "proven-wrong",
                Federation.Verification.ReplicaStanding.Unresolved => "unresolved",
                _ => "unchecked",
            },
            verdict.Match?.Method switch
            {
                Federation.Verification.ComparisonMethod.Bitwise => "bitwise",
                Federation.Verification.ComparisonMethod.Tolerance => "tolerance",
                _ => "",
            },
            verdict.Match?.Cosine is { } cosine && double.IsFinite(cosine) ? cosine : null,
            verdict.Match?.MaxAbsDifference is { } maxAbs && double.IsFinite(maxAbs) ? maxAbs : null,
            flags.GetValueOrDefault(verdict.Id, ""));
    }

    private static string RoleName(TaskRole role) => role switch
    {
        TaskRole.Replica => "replica",
        TaskRole.Canary => "canary",
        TaskRole.Replay => "replay",
        _ => "primary",
    };

    // Opens the fraud cases the round proved; each case grain is idempotent by evidence hash, so a
    // retry after a crash opens nothing twice.
    private async Task OpenPendingCasesAsync()
    {
        if (state.State.PendingCases.Count == 0)
        {
            return;
        }

        foreach (var evidence in state.State.PendingCases.ToList())
        {
            try
            {
                await GrainFactory.GetGrain<Interfaces.Verification.IFraudCaseGrain>(evidence.Hash()).OpenAsync(evidence);
                state.State.PendingCases.Remove(evidence);
            }
            catch (Exception ex) when (ex is TimeoutException or OrleansException)
            {
                LogNotifyFailed(this.GetPrimaryKeyString(), $"fraud case for {evidence.Provider}: {ex.Message}");
            }
        }

        await CommitAsync();
    }

    private void ArmDeadline()
    {
        _deadlineTimer?.Dispose();
        var due = state.State.DeadlineUtc - clock.GetUtcNow();
        _deadlineTimer = this.RegisterGrainTimer(_ => CloseAsync(atDeadline: true), due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
    }

    private void ScheduleClose()
    {
        _closeSoon?.Dispose();
        _closeSoon = this.RegisterGrainTimer(_ => CloseAsync(atDeadline: false), TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private async Task CloseAsync(bool atDeadline)
    {
        if (state.State.Status != RoundStatus.Collecting)
        {
            if (!state.State.JobNotified && state.State.Config is not null)
            {
                await NotifyJobAsync();
            }

            return;
        }

        var now = clock.GetUtcNow();
        var deadlinePassed = atDeadline && now >= state.State.DeadlineUtc;
        var outstanding = state.State.Tasks.Values.Any(IsOutstanding);
        if (!ReadyToClose() && !deadlinePassed && outstanding)
        {
            return;
        }

        var done = state.State.Tasks.Where(t => t.Value.State == RoundTaskState.Done && t.Value.Role != TaskRole.Root).Select(t => (t.Key, t.Value)).ToList();
        var received = Config.IsDataParallel ? CoveredItems().Count : done.Count;
        if (received < Config.Quorum && !(Config.BufferSize > 0 && done.Count >= Config.BufferSize))
        {
            await RetryOrFailAsync(received);
            return;
        }

        // From here on results are late: what aggregation uses is fixed now, while submissions may
        // still interleave with the awaits below.
        _aggregating = true;
        var carry = Config.BufferSize > 0 && Config.Kind == TaskKind.Train;
        foreach (var task in state.State.Tasks.Values.Where(IsOutstanding))
        {
            // FedBuff keeps stragglers working: their results join a later round, weighted by staleness.
            task.State = carry && task.State == RoundTaskState.Pending ? RoundTaskState.Carried : RoundTaskState.TimedOut;
            task.Reason = carry ? "the round closed on its buffer; the result joins a later round" : "the round closed without its result";
        }

        if (Config.Kind == TaskKind.Train && Config.IsDataParallel)
        {
            try
            {
                if (!await ReviewDataParallelAsync(done))
                {
                    // Replays went out: the round waits for the verifier, then reviews again.
                    _aggregating = false;
                    return;
                }

                // Proof is acted on before the round reports closed, so the job's next round
                // already finds the cheaters suspended. The verdicts are stored first; a crash in
                // between reviews again and reopens the same cases, which are idempotent by evidence.
                await CommitAsync();
                await OpenPendingCasesAsync();
            }
            catch
            {
                _aggregating = false;
                throw;
            }
        }
        else if (Config.Kind == TaskKind.Train)
        {
            var failures = state.State.Tasks.Values
                .Where(t => t.State is RoundTaskState.Failed or RoundTaskState.TimedOut)
                .Select(t => new ClientFailure(t.Provider, t.Reason))
                .ToList();
            var store = services.GetService<IContentStore>() ?? throw new InvalidOperationException("No content store is configured; rounds cannot aggregate.");
            RoundAggregator.Result result;
            try
            {
                var root = state.State.Tasks.Values.FirstOrDefault(t => t.Role == TaskRole.Root && t.State == RoundTaskState.Done)?.Report;
                result = await RoundAggregator.AggregateAsync(store, Config, done, failures, root, _prefetched, CancellationToken.None);
            }
            catch
            {
                // Still collecting: the next deadline tick tries again, with whatever arrived meanwhile.
                _aggregating = false;
                throw;
            }

            state.State.NewWeights = result.NewWeights;
            state.State.KeptBecause = result.KeptBecause;
            state.State.Contributions = [.. result.Contributions];
            state.State.StrategyState = result.StrategyState;
            state.State.Suspects = new Dictionary<string, string>(result.Suspects, StringComparer.Ordinal);
        }
        else
        {
            state.State.Contributions = [.. done.Select(d => new RoundContribution(d.Value.Provider, d.Key, "", d.Value.Report!.EvalExamples, true, ""))];
        }

        state.State.Status = RoundStatus.Closed;
        // Closed when the new model is stored, so a round's wall time includes its aggregation.
        state.State.ClosedUtc = clock.GetUtcNow();
        await CommitAsync();
        LogClosed(this.GetPrimaryKeyString(), done.Count, state.State.KeptBecause ?? "new model");
        foreach (var (provider, reason) in state.State.Suspects)
        {
            await GrainFactory.GetGrain<IProviderGrain>(provider).RecordSuspicionAsync(this.GetPrimaryKeyString(), reason);
        }

        ForgetPrefetched();
        await CancelOutstandingAsync("the round closed");
        await NotifyJobAsync();
        ReleaseUnusedUploads();
    }

    // Results the model did not use are needed by nothing once the round is closed (results that
    // evidence cites were copied into content first), and a provider must not be able to park
    // unbounded bytes in its slot: they are deleted in the background, after the job has been told,
    // so the next round does not wait on them. Used results stay: provenance names them.
    private void ReleaseUnusedUploads()
    {
        if (Config.Kind != TaskKind.Train || services.GetService<IContentStore>() is not { } store)
        {
            return;
        }

        var used = state.State.Contributions.Where(c => c.Used).Select(c => c.TaskId).ToHashSet(StringComparer.Ordinal);
        var unused = state.State.Tasks
            .Where(t => t.Value.State is RoundTaskState.Done or RoundTaskState.Failed or RoundTaskState.TimedOut && !used.Contains(t.Key))
            .Select(t => t.Key)
            .ToList();
        if (unused.Count == 0)
        {
            return;
        }

        var round = this.GetPrimaryKeyString();
        _ = Task.Run(async () =>
        {
            try
            {
                foreach (var batch in unused.Chunk(4))
                {
                    await Task.WhenAll(batch.Select(id => store.DeleteUploadAsync(id, CancellationToken.None)));
                }
            }
#pragma warning disable CA1031 // Best effort: a slot left behind costs storage, never correctness.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogReleaseFailed(ex, round);
            }
        });
    }

    // Reads an accepted result while the round still collects, off the grain's turn (it touches no
    // state), so that closing finds most blobs already fetched and checked. Only a cache: after a
    // restart, or past the memory budget, closing reads what is missing.
    private void Prefetch(TaskReport report)
    {
        if (report.Result is not { } blob || _prefetched.ContainsKey(report.TaskId) || services.GetService<IContentStore>() is not { } store)
        {
            return;
        }

        if (Interlocked.Add(ref s_prefetchedBytes, blob.Length) > PrefetchBudgetBytes)
        {
            Interlocked.Add(ref s_prefetchedBytes, -blob.Length);
            return;
        }

        _prefetchedBytes += blob.Length;
        _prefetched[report.TaskId] = Task.Run(() => RoundAggregator.FetchAsync(store, report, null, PrefetchGate, CancellationToken.None));
    }

    private void ForgetPrefetched()
    {
        Interlocked.Add(ref s_prefetchedBytes, -_prefetchedBytes);
        _prefetched.Clear();
        _prefetchedBytes = 0;
    }

    private async Task RetryOrFailAsync(int received)
    {
        foreach (var task in state.State.Tasks.Values.Where(IsOutstanding))
        {
            task.State = RoundTaskState.TimedOut;
            task.Reason = "no result by the deadline";
        }

        await CancelOutstandingAsync("the attempt's deadline passed");
        if (state.State.Attempt < Config.MaxAttempts)
        {
            state.State.Attempt++;
            if (Config.IsDataParallel)
            {
                var covered = CoveredItems();
                await OpenItemsAsync([.. Config.Shards!.Select(s => s.Index).Where(i => !covered.Contains(i))], withChecks: false);
            }
            else
            {
                await OpenAttemptAsync(Math.Max(Config.Quorum - received, 1));
            }

            return;
        }

        state.State.Status = RoundStatus.Failed;
        state.State.FailureReason = $"{received} of the {Config.Quorum} results needed arrived after {state.State.Attempt} attempts";
        state.State.ClosedUtc = clock.GetUtcNow();
        await CommitAsync();
        LogFailed(this.GetPrimaryKeyString(), state.State.FailureReason);
        await NotifyJobAsync();
    }

    private async Task CancelOutstandingAsync(string reason)
    {
        var timedOut = state.State.Tasks.Where(t => t.Value.State == RoundTaskState.TimedOut).ToList();
        await Task.WhenAll(timedOut.Select(t => GrainFactory.GetGrain<IProviderGrain>(t.Value.Provider).CancelTaskAsync(t.Key, reason)));
    }

    private async Task NotifyJobAsync()
    {
        await OpenPendingCasesAsync();
        try
        {
            await GrainFactory.GetGrain<ITrainingJobGrain>(Config.JobId).RoundClosedAsync(Snapshot());
            state.State.JobNotified = true;
            await CommitAsync();
            await this.DropReminderAsync(DeadlineReminder);
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException)
        {
            // The reminder tries again; the job treats a repeated notice as a no-op.
            LogNotifyFailed(this.GetPrimaryKeyString(), ex.Message);
        }
    }

    // Group commit: submissions interleave (see the interface), and every change waits for the next
    // write that starts after it, so a burst of results costs a few writes instead of one each, and
    // no two writes are ever in flight at once (which the storage's ETag check would refuse).
    private Task CommitAsync() => _queuedWrite ??= WriteAfterAsync(_lastWrite);

    private async Task WriteAfterAsync(Task previous)
    {
        // Yield first so the caller's `??=` has stored this task before it can be reset below.
        await Task.Yield();
        try
        {
            await previous;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // That write's own callers got its error; this write carries their changes again.
        }

        _queuedWrite = null;
        var write = state.WriteStateAsync();
        _lastWrite = write;
        await write;
    }

    private RoundSnapshot Snapshot()
    {
        var tasks = state.State.Tasks.Values;
        var done = tasks.Where(t => t.State == RoundTaskState.Done && t.Role != TaskRole.Root).Select(t => t.Report!).ToList();
        var trainExamples = done.Sum(r => r.Examples);
        var evalExamples = done.Sum(r => r.EvalExamples);
        return new RoundSnapshot(
            state.State.Config?.JobId ?? "",
            state.State.Config?.Round ?? 0,
            state.State.Status,
            state.State.Attempt,
            tasks.Count(t => t.State != RoundTaskState.Declined),
            done.Count,
            tasks.Count(t => t.State is RoundTaskState.Failed or RoundTaskState.TimedOut),
            state.State.NewWeights,
            state.State.KeptBecause,
            state.State.FailureReason,
            state.State.Contributions,
            trainExamples > 0 ? done.Sum(r => r.TrainLoss * r.Examples) / trainExamples : double.NaN,
            evalExamples,
            evalExamples > 0 ? done.Sum(r => r.EvalLoss * r.EvalExamples) / evalExamples : double.NaN,
            evalExamples > 0 ? done.Sum(r => r.EvalAccuracy * r.EvalExamples) / evalExamples : double.NaN,
            done.Sum(r => r.Result?.Length ?? 0),
            (state.State.Config?.Weights.Length ?? 0) * tasks.Count(t => t.State is not (RoundTaskState.Declined or RoundTaskState.Offered)),
            done.Count == 0 ? 0 : done.Max(r => r.ComputeMs),
            state.State.OpenedUtc,
            state.State.ClosedUtc,
            state.State.StrategyState,
            state.State.Checks.Count > 0 ? state.State.Checks : null);
    }

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
