namespace OrleansAI.Grains.Providers;

/// <summary>The stored form of a <see cref="ProviderReputation"/>.</summary>
/// <param name="Successes">Decayed successes.</param>
/// <param name="Failures">Decayed failures.</param>
/// <param name="OnlineSeconds">Decayed seconds online.</param>
/// <param name="ObservedSeconds">Decayed seconds observed.</param>
/// <param name="Timeliness">Smoothed timeliness.</param>
/// <param name="AsOf">When the values were last decayed.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.ReputationRecord")]
public sealed record ReputationRecord(
    [property: Id(0)] double Successes,
    [property: Id(1)] double Failures,
    [property: Id(2)] double OnlineSeconds,
    [property: Id(3)] double ObservedSeconds,
    [property: Id(4)] double Timeliness,
    [property: Id(5)] DateTimeOffset AsOf)
{
    /// <summary>The record of <paramref name="r"/>.</summary>
    public static ReputationRecord From(ProviderReputation r) => new(r.Successes, r.Failures, r.OnlineSeconds, r.ObservedSeconds, r.Timeliness, r.AsOf);

    /// <summary>The reputation it stores.</summary>
    public ProviderReputation ToReputation() => new(Successes, Failures, OnlineSeconds, ObservedSeconds, Timeliness, AsOf);
}
