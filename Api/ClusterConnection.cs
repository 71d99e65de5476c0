using OrleansAI.Hosting.Orleans;

namespace OrleansAI.Api;

/// <summary>How the Api reaches grains: as a client of the PostgreSQL cluster, or by co-hosting a silo.</summary>
public static class ClusterConnection
{
    /// <summary>
    /// With PostgreSQL configured the Api is a plain cluster client and needs PostgreSQL, the blob
    /// store and the chain before it starts. With nothing configured it co-hosts its own silo on
    /// embedded defaults, so <c>dotnet run --project Api</c> works alone.
    /// </summary>
    public static WebApplicationBuilder AddClusterConnection(this WebApplicationBuilder builder, ConfiguredDependencies configured)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configured);
        builder.Services.AddClusterHealthCheck();
        if (configured.IsClustered)
        {
            // The gate must be registered before the Orleans client so it runs first.
            builder.Services.RequireAtStartup(HealthCheckNames.Postgres, HealthCheckNames.BlobStorage, HealthCheckNames.Chain);
            builder.UseOrleansClient(client => client.UseOrleansAICluster(configured.Postgres, configured.Cluster));
        }
        else
        {
            builder.UseOrleans(silo => silo
                .UseOrleansAIStorage(configured.Postgres)
                .UseOrleansAIEndpoints(configured.Cluster, clustered: false));
        }

        return builder;
    }
}
