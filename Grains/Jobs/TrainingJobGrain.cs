using Orleans.Streams;
using OrleansAI.Grains.Settlement;

namespace OrleansAI.Grains.Jobs;

/// <summary>
/// A training job's record, lifecycle and round loop. It never moves except through
/// <see cref="JobLifecycle"/>, every change is written before it is acknowledged, and the loop is
/// driven by a timer (backed by a reminder) that re-asserts the current round, so a restarted silo
/// resumes exactly where the job was: the round in flight is asked again (idempotently), never rerun.
/// </summary>
/// <param name="state">The job's stored state.</param>
/// <param name="clock">The time.</param>
/// <param name="logger">Where it logs.</param>
/// <param name="store">The blob store; without one the job waits.</param>
/// <param name="settlement">The chain's escrow and payouts; without one jobs are not paid.</param>
/// <param name="retention">How long results are kept after the job; unset keeps them.</param>
/// <param name="audit">Where the job records its reads of client datasets; unset records nothing.</param>
public sealed partial class TrainingJobGrain(
    [PersistentState("job", "Default")] IPersistentState<TrainingJobState> state,
    TimeProvider clock,
    ILogger<TrainingJobGrain> logger,
    IContentStore? store = null,
    IJobSettlement? settlement = null,
    ResultRetention? retention = null,
    IAuditLog? audit = null) : Grain, ITrainingJobGrain, IRemindable
{
    /// <summary>What a new job waits for until the round loop picks it up.</summary>
    public const string WaitingReason = "waiting for enough providers holding the dataset";

    private const string DriveReminder = "drive";

    // Deletes the job's used results once their retention has passed (BlobStorage:ResultRetention).
    private const string DeleteResultsReminder = "delete-results";
    private static readonly TimeSpan DriveInterval = TimeSpan.FromSeconds(2);

    private IGrainTimer? _drive;

    private JobDefinition Definition => state.State.Definition!;

    private string JobId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Definition is not null && !JobLifecycle.IsFinal(state.State.Status))
        {
            ArmDrive();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<JobSnapshot> SubmitAsync(string owner, JobDefinition definition)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentNullException.ThrowIfNull(definition);
        if (state.State.Definition is not null)
        {
            // A retried submission (same owner, same definition) is answered with the job it created.
            return state.State.Owner == owner && state.State.Definition == definition
                ? Snapshot()!
                : throw new InvalidOperationException($"Job '{JobId}' already exists.");
        }

        var now = clock.GetUtcNow();
        state.State.Owner = owner;
        state.State.Definition = definition;
        state.State.Status = JobStatus.Pending;
        state.State.StatusReason = WaitingReason;
        state.State.CreatedUtc = now;
        state.State.UpdatedUtc = now;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IClientJobsGrain>(owner).AddAsync(JobId);
        await this.RegisterOrUpdateReminder(DriveReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        ArmDrive();
        return Snapshot()!;
    }

    /// <inheritdoc />
    public Task<JobSnapshot?> GetAsync() => Task.FromResult(Snapshot());

    /// <inheritdoc />
    public async Task<JobSnapshot> CancelAsync(string reason)
    {
        if (state.State.Definition is null)
        {
            throw new KeyNotFoundException($"No job '{JobId}'.");
        }

        var wasRunning = state.State.Status == JobStatus.Running;
        await MoveAsync(JobStatus.Cancelled, string.IsNullOrWhiteSpace(reason) ? "cancelled by its owner" : reason);
        if (wasRunning)
        {
            // Providers stop working on a cancelled job at once instead of at the round's deadline.
            await Round(state.State.CurrentRound).CancelAsync("the job was cancelled");
        }

        return Snapshot()!;
    }

    /// <inheritdoc />
    public Task RoundClosedAsync(RoundSnapshot round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return HandleRoundAsync(round);
    }

    /// <inheritdoc />
    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == DeleteResultsReminder)
        {
            return DeleteResultsAsync();
        }

        // The drive reminder exists to wake the job after a restart; activation arms the drive timer.
        return JobLifecycle.IsFinal(state.State.Status) ? this.DropReminderAsync(DriveReminder) : Task.CompletedTask;
    }

    private async Task DeleteResultsAsync()
    {
        if (state.State.ResultsDeletedUtc is null && store is not null)
        {
            // Evidence cited by fraud cases was copied into content by hash; these are the task slots.
            foreach (var taskId in state.State.Contributions.Concat(state.State.Paid).Select(c => c.TaskId).Distinct())
            {
                await store.DeleteUploadAsync(taskId, CancellationToken.None);
            }

            state.State.ResultsDeletedUtc = clock.GetUtcNow();
            await state.WriteStateAsync();
            LogResultsDeleted(JobId);
        }

        await this.DropReminderAsync(DeleteResultsReminder);
    }

    private void ArmDrive() => _drive ??= this.RegisterGrainTimer(DriveAsync, TimeSpan.Zero, DriveInterval);

    private async Task DriveAsync(CancellationToken cancellationToken)
    {
        if (state.State.Definition is null || JobLifecycle.IsFinal(state.State.Status))
        {
            _drive?.Dispose();
            _drive = null;
            return;
        }

        // The training deadline bounds training: a settling job has done its work and is owed.
        if (state.State.Status != JobStatus.Settling && clock.GetUtcNow() > Definition.DeadlineUtc)
        {
            await MoveAsync(JobStatus.Failed, "the job's deadline passed before it finished");
            return;
        }

        if (state.State.Status == JobStatus.Pending)
        {
            await TryStartAsync();
            return;
        }

        if (state.State.History.Count > 0 && state.State.History[^1].Round == Definition.Rounds + 1)
        {
            // Everything ran; what is left is registration and payment (a previous attempt failed).
            await CompleteAsync(state.State.History[^1]);
            return;
        }

        var round = await Round(state.State.CurrentRound).GetAsync();
        if (round.Status == RoundStatus.NotStarted)
        {
            await StartRoundAsync();
        }
        else if (round.Status is RoundStatus.Closed or RoundStatus.Failed)
        {
            await HandleRoundAsync(round);
        }
    }

    private async Task TryStartAsync()
    {
        if (store is null)
        {
            await NoteAsync("waiting for a blob store: none is configured");
            return;
        }

        if (Settlement is { } chain && Budgeted && await chain.EscrowShortfallAsync(Definition.ClientWallet, JobId, Definition.Budget, CancellationToken.None) is { } shortfall)
        {
            await NoteAsync($"waiting for escrow: {shortfall}");
            return;
        }

        var available = await GrainFactory.GetGrain<IProviderRegistryGrain>(0).AvailableAsync(Criteria());
        if (available < Definition.MinProviders)
        {
            await NoteAsync(Definition.IsDataParallel
                ? $"waiting for enough providers: {available} of {Definition.MinProviders} online"
                : $"{WaitingReason}: {available} of {Definition.MinProviders} online with '{Definition.Dataset}'");
            return;
        }

        var plan = ModelSpecJson.ParseAndPlan(Definition.SpecJson);
        if (Definition.IsDataParallel && state.State.Shards.Count == 0)
        {
            var (shards, problem) = await JobDatasets.ShardAsync(store, plan, Definition, Seed());
            RecordDatasetRead(Definition.DatasetOwner.Length > 0 ? Definition.DatasetOwner : state.State.Owner, Definition.Dataset, problem);
            if (shards is null)
            {
                await MoveAsync(JobStatus.Failed, problem!);
                return;
            }

            state.State.Shards = shards;
            await state.WriteStateAsync();
        }

        if (Definition.RootDataset.Length > 0 && state.State.Root is null)
        {
            var (_, length, problem) = await JobDatasets.ReadAsync(store, plan, Definition.RootDataset);
            RecordDatasetRead(state.State.Owner, Definition.RootDataset, problem);
            if (problem is not null)
            {
                await MoveAsync(JobStatus.Failed, $"root dataset: {problem}");
                return;
            }

            state.State.Root = new Interfaces.Storage.ContentReference(Definition.RootDataset, length);
        }

        // The escrow is locked on chain before any work runs, so providers are paid for what they do.
        if (Settlement is { } escrow && Budgeted && await escrow.StartAsync(Definition.ClientWallet, JobId, Definition.DeadlineUtc, CancellationToken.None) is { } refusal)
        {
            await MoveAsync(JobStatus.Failed, $"escrow refused: {refusal}");
            return;
        }

        using var initial = new MemoryStream(WeightInitializer.Initialize(plan, Seed()).ToSafetensors());
        var weights = await store.PutAsync(initial, CancellationToken.None);
        state.State.CurrentWeights = weights;
        state.State.InitialWeights = weights.Sha256;
        state.State.CurrentRound = 1;
        await MoveAsync(JobStatus.Running, $"round 1 of {Definition.Rounds}");
        await StartRoundAsync();
    }

    private async Task StartRoundAsync()
    {
        var r = state.State.CurrentRound;
        var snapshot = await Round(r).StartAsync(JobRoundPlan.For(JobId, Definition, state.State, r));
        LogRoundStarted(JobId, r, snapshot.Assigned);
    }

    private async Task HandleRoundAsync(RoundSnapshot round)
    {
        if (state.State.Definition is null || state.State.Status != JobStatus.Running
            || round.Round != state.State.CurrentRound || round.Status is not (RoundStatus.Closed or RoundStatus.Failed))
        {
            return;
        }

        if (round.Status == RoundStatus.Failed)
        {
            await MoveAsync(JobStatus.Failed, $"round {round.Round} failed: {round.FailureReason}");
            return;
        }

        if (state.State.History.Exists(h => h.Round == round.Round))
        {
            // Already recorded (a repeated notice); anything left to do is the drive timer's.
            return;
        }

        var evaluation = round.Round > Definition.Rounds;
        var record = JobPrivacy.Account(JobRoundRecord.Of(round, evaluation, state.State.CurrentWeights!), Definition, state.State.History);

        // This round's providers evaluated the model the previous round produced before training on it.
        JobRoundRecord? evaluated = null;
        var previous = state.State.History.FindLastIndex(h => !h.Evaluation);
        if (previous >= 0 && round.EvalExamples > 0)
        {
            evaluated = state.State.History[previous] with { Accuracy = round.EvalAccuracy, Loss = round.EvalLoss };
            state.State.History[previous] = evaluated;
        }

        state.State.History.Add(record);
        if (!evaluation)
        {
            state.State.Contributions.AddRange(round.Contributions.Where(c => c.Used).Select(c => new ModelContribution(round.Round, c.Provider, c.TaskId, c.ResultSha256, c.Examples)));
            state.State.Paid.AddRange(round.Contributions.Where(c => c.IsPaid).Select(c => new ModelContribution(round.Round, c.Provider, c.TaskId, c.ResultSha256, c.Examples)));
            state.State.CurrentWeights = round.NewWeights ?? state.State.CurrentWeights;
            state.State.StrategyState = round.StrategyState ?? state.State.StrategyState;
            state.State.RoundsCompleted = round.Round;
        }

        var last = round.Round == Definition.Rounds + 1;
        if (!last)
        {
            state.State.CurrentRound++;
            state.State.StatusReason = state.State.CurrentRound > Definition.Rounds
                ? "evaluating the final model"
                : $"round {state.State.CurrentRound} of {Definition.Rounds}";
        }

        state.State.UpdatedUtc = clock.GetUtcNow();
        await state.WriteStateAsync();
        await PublishAsync("round", record);
        if (evaluated is not null)
        {
            await PublishAsync("evaluated", evaluated);
        }

        if (last)
        {
            try
            {
                await CompleteAsync(record);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Registration or payment failed: the job stays running and the drive timer retries.
                LogCompletionDeferred(JobId, ex.Message);
            }

            return;
        }

        await StartRoundAsync();
    }

    // Paid first, registered second: the model reaches its owner only once the providers who
    // trained it are paid. Each step is idempotent, so the drive timer can retry either.
    private async Task CompleteAsync(JobRoundRecord evaluation)
    {
        var paid = "";
        if (Settlement is { } chain && Budgeted)
        {
            if (state.State.Status == JobStatus.Running)
            {
                await MoveAsync(JobStatus.Settling, "trained; paying providers from the escrow");
            }

            // Each task pays once on chain, so retrying never pays twice.
            var payments = await PaymentsAsync();
            await chain.PayAsync(Definition.ClientWallet, JobId, payments, CancellationToken.None);
            paid = $"; paid {payments.Count} tasks from the escrow";
        }

        if (state.State.Model is null)
        {
            var weights = state.State.CurrentWeights!;
            var draft = new ModelVersionRecord(
                state.State.Owner,
                Definition.ModelName,
                0,
                Definition.SpecJson,
                weights,
                evaluation.Accuracy,
                evaluation.Loss,
                0,
                JobId,
                Definition.Rounds,
                Definition.Strategy,
                state.State.InitialWeights,
                state.State.Contributions,
                null,
                clock.GetUtcNow(), state.State.History.LastOrDefault(h => !h.Evaluation)?.EpsilonSpent, Definition.Privacy);
            var version = await GrainFactory.GetGrain<IModelGrain>(ModelKeys.Model(state.State.Owner, Definition.ModelName)).RegisterAsync(draft);
            state.State.Model = new ModelVersionKey(version.Name, version.Version, weights.Sha256);
            await state.WriteStateAsync();
        }

        await MoveAsync(JobStatus.Completed, $"registered as {state.State.Model.Name} v{state.State.Model.Version}{paid}");
        await PublishAsync("model", null);
    }

    private async Task MoveAsync(JobStatus to, string reason)
    {
        if (!JobLifecycle.CanMove(state.State.Status, to))
        {
            throw new InvalidOperationException($"A {state.State.Status.ToString().ToLowerInvariant()} job cannot become {to.ToString().ToLowerInvariant()}.");
        }

        state.State.Status = to;
        state.State.StatusReason = reason;
        state.State.UpdatedUtc = clock.GetUtcNow();
        await state.WriteStateAsync();
        LogMoved(JobId, to, reason);
        await PublishAsync("status", null);
        if (JobLifecycle.IsFinal(to))
        {
            await this.DropReminderAsync(DriveReminder);
            if (retention?.Keep is { } keep)
            {
                // A reminder, not a timer: the deletion happens even if the job's silo is long gone.
                await this.RegisterOrUpdateReminder(DeleteResultsReminder, keep, TimeSpan.FromHours(1));
            }
        }
    }

    // Waiting reasons change often and say nothing new for a restart: kept in memory until the next write.
    private Task NoteAsync(string reason)
    {
        if (state.State.StatusReason != reason)
        {
            state.State.StatusReason = reason;
            state.State.UpdatedUtc = clock.GetUtcNow();
        }

        return Task.CompletedTask;
    }

    private async Task PublishAsync(string kind, JobRoundRecord? round)
    {
        try
        {
            var stream = this.GetStreamProvider(JobEvent.StreamProvider).GetStream<JobEvent>(StreamId.Create(JobEvent.StreamNamespace, JobId));
            await stream.OnNextAsync(new JobEvent(JobId, kind, state.State.Status, state.State.StatusReason, round, state.State.Model, clock.GetUtcNow()));
        }
        catch (Exception ex) when (ex is OrleansException or KeyNotFoundException or InvalidOperationException or TimeoutException)
        {
            // Progress is a convenience; the job's state is the record and is already written.
            LogPublishFailed(JobId, ex.Message);
        }
    }

    private IJobSettlement? Settlement => settlement;

    private bool Budgeted => Definition.HasBudget && Definition.ClientWallet.Length > 0;

    // The budget is shared equally by the results that shaped the model; the escrow keeps any remainder
    // for the client's refund.
    // Each result that made the model earns its share of the budget, weighted by its provider's fee
    // multiplier at completion; fixed and stored before the first payment, so retries pay the same.
    private async Task<IReadOnlyList<TaskPayment>> PaymentsAsync()
    {
        // Jobs recorded before paid results were tracked separately pay what the model used.
        var paid = state.State.Paid.Count > 0 ? state.State.Paid : state.State.Contributions;
        if (state.State.Payouts.Count > 0 || paid.Count == 0)
        {
            return state.State.Payouts;
        }

        var providers = paid.Select(c => c.Provider).Distinct(StringComparer.Ordinal).ToList();
        var records = await Task.WhenAll(providers.Select(p => GrainFactory.GetGrain<IProviderGrain>(p).GetAsync()));
        var multipliers = providers.Zip(records, (p, r) => (p, r.Reputation?.FeeMultiplier ?? 1)).ToDictionary(x => x.p, x => x.Item2, StringComparer.Ordinal);
        // A share that rounds to zero pays nothing and the escrow refuses a zero payment: skipped,
        // so it can never hold up the others.
        state.State.Payouts = [.. PayoutSplit.Split(
            System.Numerics.BigInteger.Parse(Definition.Budget, System.Globalization.CultureInfo.InvariantCulture),
            [.. paid.Select(c => (c.TaskId, c.Provider))],
            p => multipliers.GetValueOrDefault(p, 1)).Where(p => p.Amount != "0")];
        await state.WriteStateAsync();
        return state.State.Payouts;
    }

    private IAggregationRoundGrain Round(int round) => GrainFactory.GetGrain<IAggregationRoundGrain>(RoundKeys.Of(JobId, round));

    private ProviderCriteria Criteria() => JobRoundPlan.Criteria(Definition);

    private int Seed() => JobRoundPlan.Seed(JobId);

    private JobSnapshot? Snapshot() => state.State.Definition is null
        ? null
        : new JobSnapshot(
            JobId,
            state.State.Owner,
            state.State.Definition,
            state.State.Status,
            state.State.StatusReason,
            state.State.RoundsCompleted,
            state.State.CreatedUtc,
            state.State.UpdatedUtc,
            state.State.History,
            state.State.Model,
            state.State.ResultsDeletedUtc);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} round {Round} started with {Assigned} tasks")]
    private partial void LogRoundStarted(string jobId, int round, int assigned);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} is now {Status}: {Reason}")]
    private partial void LogMoved(string jobId, JobStatus status, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} could not complete yet: {Reason}")]
    private partial void LogCompletionDeferred(string jobId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: the results it used were deleted after their retention")]
    private partial void LogResultsDeleted(string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} progress not published: {Reason}")]
    private partial void LogPublishFailed(string jobId, string reason);

    // The platform reading a client's dataset is an access its owner can see in the audit log.
    private void RecordDatasetRead(string owner, string sha256, string? problem) =>
        audit?.Record(new AuditEvent(AuditActors.Platform, AuditActions.DatasetTrain, Interfaces.Access.AccessResource.Dataset(owner, sha256).Key, owner,
            Environment.MachineName, problem is null, problem is null ? $"job {JobId}" : $"job {JobId}: {problem}"));
}
