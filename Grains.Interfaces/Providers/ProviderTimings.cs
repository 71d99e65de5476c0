namespace OrleansAI.Grains.Interfaces.Providers;

/// <summary>Liveness timings both ends of a provider connection agree on.</summary>
public static class ProviderTimings
{
    /// <summary>How often a node heartbeats.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(5);

    /// <summary>Silence after which a provider is evicted (three missed heartbeats and some slack).</summary>
    public static readonly TimeSpan EvictAfter = TimeSpan.FromSeconds(20);
}
