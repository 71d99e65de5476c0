namespace OrleansAI.Grains.Verification;

/// <summary>
/// One fraud case: see <see cref="IFraudCaseGrain"/>. The evidence is stored before anything else
/// happens; the provider's record counts it once; the slash is attempted at once and, when the
/// chain cannot be reached, again by a reminder until it answers. Without a chain the case stays
/// recorded: suspicion and proof still cost reputation.
/// </summary>
public sealed partial class FraudCaseGrain(
    [PersistentState("case", "Default")] IPersistentState<FraudCaseState> state,
    TimeProvider clock,
    ILogger<FraudCaseGrain> logger,
    ISlasher? chainSlasher = null) : Grain, IFraudCaseGrain, IRemindable
{
    private const string RetryReminder = "slash";
    private const string ChainReminder = "dispute-window";

    /// <inheritdoc />
    public async Task<FraudCaseSnapshot> OpenAsync(FraudEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.Hash() != this.GetPrimaryKeyString())
        {
            throw new ArgumentException("The evidence does not hash to this case's id.", nameof(evidence));
        }

        if (state.State.Case is null)
        {
            state.State.Case = new FraudCaseSnapshot(this.GetPrimaryKeyString(), evidence, FraudCaseStatus.Recorded, "recorded", null, clock.GetUtcNow());
            await SaveAsync();
            LogOpened(this.GetPrimaryKeyString(), evidence.Provider, evidence.Kind);
        }

        await SettleAsync();
        return state.State.Case;
    }

    /// <inheritdoc />
    public Task<FraudCaseSnapshot?> GetAsync() => Task.FromResult(state.State.Case);

    /// <inheritdoc />
    public async Task<FraudCaseSnapshot?> ResolveAsync(bool upheld, string arbiter, string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(arbiter);
        // The provider disputes on chain, so the chain is asked first whether it has.
        if (await RefreshAsync() is not { Status: FraudCaseStatus.Disputed } current || chainSlasher is not { } slasher)
        {
            return state.State.Case;
        }

        var status = await slasher.ResolveDisputeAsync(current.Id, upheld, CancellationToken.None);
        if (status != FraudCaseStatus.Disputed)
        {
            state.State.Case = current with { Resolution = $"{(upheld ? "upheld" : "rejected")} by {arbiter} at {clock.GetUtcNow():u}: {reason}" };
            await SaveAsync();
        }

        // Records the chain's outcome (and, when upheld, takes the case back from the reputation).
        return await RefreshAsync();
    }

    /// <inheritdoc />
    public async Task<FraudCaseSnapshot?> RefreshAsync()
    {
        if (state.State.Case is not { Status: FraudCaseStatus.Slashed or FraudCaseStatus.Disputed } current || chainSlasher is not { } slasher)
        {
            return state.State.Case;
        }

        var (status, until) = await slasher.StateAsync(current.Id, CancellationToken.None);
        if (status == FraudCaseStatus.Slashed)
        {
            // The window is the chain's, measured by its clock, not ours: ask, and the chain refuses while it is open.
            status = await slasher.FinalizeAsync(current.Id, CancellationToken.None);
        }

        var detail = status switch
        {
            FraudCaseStatus.Slashed => $"{current.Detail.Split(';')[0]}; disputable until {until:u}",
            FraudCaseStatus.Disputed => $"{current.Detail.Split(';')[0]}; disputed, waiting for the arbiter",
            FraudCaseStatus.Restored => $"{current.Detail.Split(';')[0]}; dispute upheld, stake restored",
            FraudCaseStatus.Finalized => $"{current.Detail.Split(';')[0]}; final, funds with the recipient",
            _ => current.Detail,
        };
        if (status != current.Status || detail != current.Detail)
        {
            state.State.Case = current with { Status = status, Detail = detail };
            await SaveAsync();
        }

        if (status == FraudCaseStatus.Restored)
        {
            // The arbiter upheld the provider's dispute: the case no longer counts against it.
            await GrainFactory.GetGrain<IProviderStandingGrain>(current.Evidence.Provider).WithdrawFraudAsync(current.Id);
        }

        if (status is FraudCaseStatus.Restored or FraudCaseStatus.Finalized)
        {
            await this.DropReminderAsync(ChainReminder);
        }
        else
        {
            // Checked again when the window ends, and hourly while a dispute waits for the arbiter.
            var due = until - clock.GetUtcNow() + TimeSpan.FromSeconds(30);
            due = due < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : due > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : due;
            await this.RegisterOrUpdateReminder(ChainReminder, due, TimeSpan.FromHours(1));
        }

        return state.State.Case;
    }

    /// <inheritdoc />
    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == ChainReminder ? RefreshAsync() : SettleAsync();

    private async Task SettleAsync()
    {
        var current = state.State.Case!;
        if (!state.State.Counted)
        {
            await GrainFactory.GetGrain<IProviderStandingGrain>(current.Evidence.Provider).RecordFraudAsync(current.Id);
            state.State.Counted = true;
            await SaveAsync();
        }

        if (current.Status != FraudCaseStatus.Recorded || chainSlasher is not { } slasher)
        {
            await this.DropReminderAsync(RetryReminder);
            return;
        }

        try
        {
            var outcome = await slasher.SlashAsync(current.Evidence.Provider, current.Id, CancellationToken.None);
            state.State.Case = current with { Status = outcome.Status, Detail = outcome.Detail, SlashedWei = outcome.AmountWei };
            await SaveAsync();
            LogSettled(current.Id, current.Evidence.Provider, outcome.Status, outcome.Detail);
            await this.DropReminderAsync(RetryReminder);
            if (outcome.Status == FraudCaseStatus.Slashed)
            {
                await RefreshAsync();
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The chain is unreachable or busy: the case stays recorded and a reminder tries again.
            LogRetry(current.Id, ex.Message);
            await this.RegisterOrUpdateReminder(RetryReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }
    }

    // Every change is also reported to the cluster's case index, which operators list.
    private async Task SaveAsync()
    {
        await state.WriteStateAsync();
        if (state.State.Case is { } c)
        {
            await GrainFactory.GetGrain<ICaseIndexGrain>(0).RecordAsync(new CaseEntry(c.Id, c.Evidence.Provider, c.Evidence.Kind, c.Status, c.OpenedUtc));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fraud case {Id} opened against {Provider} ({Kind})")]
    private partial void LogOpened(string id, string provider, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fraud case {Id} against {Provider}: {Status} {Detail}")]
    private partial void LogSettled(string id, string provider, FraudCaseStatus status, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fraud case {Id}: the slash will be retried: {Reason}")]
    private partial void LogRetry(string id, string reason);
}
