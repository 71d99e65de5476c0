namespace OrleansAI.Hosting;

/// <summary>What this process was configured to use, as read at start.</summary>
/// <param name="Postgres">PostgreSQL settings; configured means the process joins a real cluster.</param>
/// <param name="BlobStorage">Blob store settings.</param>
/// <param name="Chain">Chain settings.</param>
/// <param name="Cluster">Cluster identity and endpoints.</param>
public sealed record ConfiguredDependencies(
    PostgresOptions Postgres,
    BlobStorageOptions BlobStorage,
    ChainOptions Chain,
    ClusterEndpointOptions Cluster)
{
    /// <summary>True when the process joins a PostgreSQL-backed cluster; false for the embedded default.</summary>
    public bool IsClustered => Postgres.IsConfigured;
}
