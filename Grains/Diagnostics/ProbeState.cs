namespace OrleansAI.Grains.Diagnostics;

/// <summary>Stored state of a <see cref="ProbeGrain"/>.</summary>
[GenerateSerializer, Alias("OrleansAI.ProbeState")]
public sealed class ProbeState
{
    /// <summary>Pings recorded so far.</summary>
    [Id(0)] public long Pings { get; set; }

    /// <summary>Reminder firings recorded so far.</summary>
    [Id(1)] public long ReminderTicks { get; set; }

    /// <summary>The note of the last ping.</summary>
    [Id(2)] public string LastNote { get; set; } = "";

    /// <summary>When the last ping was recorded.</summary>
    [Id(3)] public DateTimeOffset? LastPingUtc { get; set; }
}
