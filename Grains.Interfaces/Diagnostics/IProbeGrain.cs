namespace OrleansAI.Grains.Interfaces.Diagnostics;

/// <summary>
/// A persistent probe that operators and the smoke check use to prove the whole path — client,
/// cluster, grain storage and reminders — works end to end. Keyed by a free-form probe name.
/// </summary>
[Alias("OrleansAI.IProbeGrain")]
public interface IProbeGrain : IGrainWithStringKey
{
    /// <summary>Records one ping, persists it, and returns the state as stored.</summary>
    /// <param name="note">A short caller note kept with the last ping (at most 200 characters).</param>
    [Alias("Ping")]
    Task<ProbeSnapshot> PingAsync(string note);

    /// <summary>Returns the persisted state without changing it.</summary>
    [Alias("Get")]
    Task<ProbeSnapshot> GetAsync();

    /// <summary>
    /// Registers a durable reminder that first fires after <paramref name="dueTime"/>; each firing is
    /// counted in the persisted state. The reminder survives silo restarts.
    /// </summary>
    [Alias("ArmReminder")]
    Task ArmReminderAsync(TimeSpan dueTime);

    /// <summary>Removes the reminder if it is registered.</summary>
    [Alias("DisarmReminder")]
    Task DisarmReminderAsync();
}
