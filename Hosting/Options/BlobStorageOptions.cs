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

    /// <summary>
    /// How long the results a finished job used stay in the store (for audits) before they are
    /// deleted; unset keeps them. Provenance keeps their hashes either way. The job grain reads it as
    /// <c>BlobStorage:ResultRetention</c>; binding it here makes a malformed value stop the host at start.
    /// </summary>
    public TimeSpan? ResultRetention { get; set; }

    /// <summary>Whether a blob store is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString);
}
