namespace OrleansAI.Grains.Interfaces.Providers;

/// <summary>A provider's entry in the registry: enough to match and sample without asking it.</summary>
/// <param name="Address">Canonical Ethereum address.</param>
/// <param name="Capabilities">What it declared.</param>
/// <param name="RunningTasks">Tasks in flight when it last refreshed its entry.</param>
/// <param name="SamplingWeight">Its reputation as a sampling weight (never below the floor); 1 when unknown.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.ProviderListing")]
public sealed record ProviderListing(
    [property: Id(0)] string Address,
    [property: Id(1)] ProviderCapabilities Capabilities,
    [property: Id(2)] int RunningTasks,
    [property: Id(3)] double SamplingWeight = 1);
