namespace OrleansAI.Grains.Interfaces.Providers;

/// <summary>Whether a provider can take work now.</summary>
[GenerateSerializer, Alias("OrleansAI.ProviderStatus")]
public enum ProviderStatus
{
    /// <summary>Never connected.</summary>
    Unknown = 0,

    /// <summary>Connected and heartbeating.</summary>
    Online = 1,

    /// <summary>Disconnected, or missed its heartbeats.</summary>
    Offline = 2,
}
