namespace OrleansAI.Hosting.Options;

/// <summary>The blob store that carries weights, updates and datasets (Azurite locally).</summary>
public sealed class BlobStorageOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "BlobStorage";

    /// <summary>Azure Storage connection string; empty means no blob store is configured.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Container the platform writes into.</summary>
    public string Container { get; set; } = "orleansai";

    /// <summary>Whether a blob store is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString);
}
