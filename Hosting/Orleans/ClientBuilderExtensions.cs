using Orleans.Configuration;
using Orleans.Hosting;
using OrleansAI.Hosting.Security.Tls;

namespace OrleansAI.Hosting.Orleans;

/// <summary>How a process outside the silos (the Api) joins the cluster as a client.</summary>
public static class ClientBuilderExtensions
{
    /// <summary>Finds gateways through the PostgreSQL membership table of the given cluster; connects to them over TLS when <c>Cluster:Tls</c> is configured.</summary>
    public static IClientBuilder UseOrleansAICluster(this IClientBuilder client, PostgresOptions postgres, ClusterEndpointOptions cluster)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(postgres);
        ArgumentNullException.ThrowIfNull(cluster);
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ServiceId;
        });
        client.AddMemoryStreams(SiloBuilderExtensions.ProgressStreams);
        if (cluster.Tls.IsComplete)
        {
            client.UseOrleansAITls(cluster.Tls);
        }

        // The default (one minute) leaves the Api without a gateway for that long after every silo restart.
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
        return client.UseAdoNetClustering(o =>
        {
            o.Invariant = PostgresOptions.Invariant;
            o.ConnectionString = postgres.ConnectionString;
        });
    }
}
