namespace OrleansAI.Grains.Interfaces.Providers;

/// <summary>A provider's reputation as the platform uses it (docs/verification.md).</summary>
/// <param name="Score">Combined reputation in [0, 1]: what sampling weighs providers by.</param>
/// <param name="OutcomeScore">The Beta posterior mean of its work's outcomes.</param>
/// <param name="Successes">Decayed successes behind it.</param>
/// <param name="Failures">Decayed failures behind it.</param>
/// <param name="Uptime">Decayed share of observed time online.</param>
/// <param name="Timeliness">Smoothed timeliness of its answers in [0, 1].</param>
/// <param name="FeeMultiplier">The fee multiplier its reputation earns.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.ReputationSnapshot")]
public sealed record ReputationSnapshot(
    [property: Id(0)] double Score,
    [property: Id(1)] double OutcomeScore,
    [property: Id(2)] double Successes,
    [property: Id(3)] double Failures,
    [property: Id(4)] double Uptime,
    [property: Id(5)] double Timeliness,
    [property: Id(6)] double FeeMultiplier);
