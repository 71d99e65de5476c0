namespace OrleansAI.Grains.Interfaces.Providers;

/// <summary>A provider's entry in the registry: enough to match and sample without asking it.</summary>
/// <param name="Address">Canonical Ethereum address.</param>
/// <param name="Capabilities">What it declared.</param>
/// <param name="RunningTasks">Tasks in flight when it last refreshed its entry.</param>
/// <param name="SamplingWeight">Its reputation as a sampling weight (never below the floor); 1 when unknown.</param>
/// <param name="SuspendedUntil">Proven fraud suspends a provider from new work until then; null when it is not suspended.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.ProviderListing")]
public sealed record ProviderListing(
    [property: Id(0)] string Address,
    [property: Id(1)] ProviderCapabilities Capabilities,
    [property: Id(2)] int RunningTasks,
    [property: Id(3)] double SamplingWeight = 1,
    [property: Id(4)] DateTimeOffset? SuspendedUntil = null)
{
    /// <summary>Whether it may be given new work at <paramref name="now"/>.</summary>
    public bool IsEligible(DateTimeOffset now) => SuspendedUntil is not { } until || until <= now;
}
