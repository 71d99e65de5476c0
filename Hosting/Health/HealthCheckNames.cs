namespace OrleansAI.Hosting.Health;

/// <summary>Names under which the dependency checks are registered and reported.</summary>
public static class HealthCheckNames
{
    /// <summary>PostgreSQL (membership, grain state, reminders).</summary>
    public const string Postgres = "postgres";

    /// <summary>The blob store (Azurite locally).</summary>
    public const string BlobStorage = "blob-storage";

    /// <summary>The Ethereum chain (Anvil locally).</summary>
    public const string Chain = "chain";

    /// <summary>The Orleans cluster.</summary>
    public const string Cluster = "cluster";
}
