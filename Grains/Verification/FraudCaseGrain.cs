using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using OrleansAI.Grains.Interfaces.Providers;
using OrleansAI.Grains.Interfaces.Verification;

namespace OrleansAI.Grains.Verification;

/// <summary>
/// One fraud case: see <see cref="IFraudCaseGrain"/>. The evidence is stored before anything else
/// happens; the provider's record counts it once; the slash is attempted at once and, when the
/// chain cannot be reached, again by a reminder until it answers. Without a chain the case stays
/// recorded: suspicion and proof still cost reputation.
/// </summary>
public sealed partial class FraudCaseGrain(
    [PersistentState("case", "Default")] IPersistentState<FraudCaseState> state,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<FraudCaseGrain> logger) : Grain, IFraudCaseGrain, IRemindable
{
    private const string RetryReminder = "slash";

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
            await state.WriteStateAsync();
            LogOpened(this.GetPrimaryKeyString(), evidence.Provider, evidence.Kind);
        }

        await SettleAsync();
        return state.State.Case;
    }

    /// <inheritdoc />
    public Task<FraudCaseSnapshot?> GetAsync() => Task.FromResult(state.State.Case);

    /// <inheritdoc />
    public Task ReceiveReminder(string reminderName, TickStatus status) => SettleAsync();

    private async Task SettleAsync()
    {
        var current = state.State.Case!;
        if (!state.State.Counted)
        {
            await GrainFactory.GetGrain<IProviderGrain>(current.Evidence.Provider).RecordFraudAsync(current.Id);
            state.State.Counted = true;
            await state.WriteStateAsync();
        }

        if (current.Status != FraudCaseStatus.Recorded || services.GetService<ISlasher>() is not { } slasher)
        {
            await this.DropReminderAsync(RetryReminder);
            return;
        }

        try
        {
            var outcome = await slasher.SlashAsync(current.Evidence.Provider, current.Id, CancellationToken.None);
            state.State.Case = current with { Status = outcome.Status, Detail = outcome.Detail, SlashedWei = outcome.AmountWei };
            await state.WriteStateAsync();
            LogSettled(current.Id, current.Evidence.Provider, outcome.Status, outcome.Detail);
            await this.DropReminderAsync(RetryReminder);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The chain is unreachable or busy: the case stays recorded and a reminder tries again.
            LogRetry(current.Id, ex.Message);
            await this.RegisterOrUpdateReminder(RetryReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fraud case {Id} opened against {Provider} ({Kind})")]
    private partial void LogOpened(string id, string provider, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fraud case {Id} against {Provider}: {Status} {Detail}")]
    private partial void LogSettled(string id, string provider, FraudCaseStatus status, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fraud case {Id}: the slash will be retried: {Reason}")]
    private partial void LogRetry(string id, string reason);
}
