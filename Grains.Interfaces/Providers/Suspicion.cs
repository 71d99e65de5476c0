namespace OrleansAI.Grains.Interfaces.Providers;

/// <summary>A round in which a provider's update was an outlier: suspicion, which costs reputation but never stake.</summary>
/// <param name="RoundKey">The round, <c>{job}/{round}</c>.</param>
/// <param name="Reason">Why the update stood out.</param>
/// <param name="AtUtc">When the round closed.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.Suspicion")]
public sealed record Suspicion(
    [property: Id(0)] string RoundKey,
    [property: Id(1)] string Reason,
    [property: Id(2)] DateTimeOffset AtUtc);
