namespace OrleansAI.Grains.Interfaces.Diagnostics;

/// <summary>The persisted state of a probe as seen by callers.</summary>
/// <param name="Name">The probe's key.</param>
/// <param name="Pings">How many pings were recorded, across activations and silo restarts.</param>
/// <param name="ReminderTicks">How many times the probe's reminder fired.</param>
/// <param name="LastNote">The note of the last ping.</param>
/// <param name="LastPingUtc">When the last ping was recorded.</param>
/// <param name="Silo">The silo that answered this call.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.ProbeSnapshot")]
public sealed record ProbeSnapshot(
    [property: Id(0)] string Name,
    [property: Id(1)] long Pings,
    [property: Id(2)] long ReminderTicks,
    [property: Id(3)] string LastNote,
    [property: Id(4)] DateTimeOffset? LastPingUtc,
    [property: Id(5)] string Silo);
