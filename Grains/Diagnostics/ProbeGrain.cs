using OrleansAI.Grains.Interfaces.Diagnostics;

namespace OrleansAI.Grains.Diagnostics;

/// <summary>Persistent probe used by health and smoke checks; see <see cref="IProbeGrain"/>.</summary>
public sealed class ProbeGrain(
    [PersistentState("probe", "Default")] IPersistentState<ProbeState> state,
    TimeProvider clock,
    ILocalSiloDetails silo) : Grain, IProbeGrain, IRemindable
{
    /// <summary>Longest note kept; probes are callable from the public API, so the size is bounded.</summary>
    public const int MaxNoteLength = 200;

    private const string ReminderName = "probe";

    // Orleans refuses reminder periods under one minute by default; the first firing is what tests watch.
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    public async Task<ProbeSnapshot> PingAsync(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        if (note.Length > MaxNoteLength)
        {
            throw new ArgumentException($"A probe note is at most {MaxNoteLength} characters.", nameof(note));
        }

        state.State.Pings++;
        state.State.LastNote = note;
        state.State.LastPingUtc = clock.GetUtcNow();
        await state.WriteStateAsync();
        return Snapshot();
    }

    /// <inheritdoc />
    public Task<ProbeSnapshot> GetAsync() => Task.FromResult(Snapshot());

    /// <inheritdoc />
    public async Task ArmReminderAsync(TimeSpan dueTime)
    {
        if (dueTime < TimeSpan.Zero || dueTime > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "Due time must be between zero and one day.");
        }

        await this.RegisterOrUpdateReminder(ReminderName, dueTime, ReminderPeriod);
    }

    /// <inheritdoc />
    public Task DisarmReminderAsync() => this.DropReminderAsync(ReminderName);

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName)
        {
            return;
        }

        state.State.ReminderTicks++;
        await state.WriteStateAsync();
    }

    private ProbeSnapshot Snapshot() => new(
        this.GetPrimaryKeyString(),
        state.State.Pings,
        state.State.ReminderTicks,
        state.State.LastNote,
        state.State.LastPingUtc,
        silo.SiloAddress.ToString());
}
