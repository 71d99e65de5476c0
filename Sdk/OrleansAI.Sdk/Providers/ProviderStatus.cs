namespace OrleansAI.Sdk.Providers;

/// <summary>Whether a provider is connected.</summary>
public enum ProviderStatus
{
    /// <summary>Never seen.</summary>
    Unknown,

    /// <summary>Connected and heartbeating.</summary>
    Online,

    /// <summary>Gone or silent.</summary>
    Offline,
}
