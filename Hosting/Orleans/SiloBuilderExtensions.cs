using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;
using OrleansAI.Hosting.Database;
using OrleansAI.Hosting.Security.Tls;

namespace OrleansAI.Hosting.Orleans;

/// <summary>How every OrleansAI silo stores its state.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>The grain storage provider every grain uses.</summary>
    public const string StorageName = "Default";

    /// <summary>The stream provider jobs publish progress on (the Api subscribes to it).</summary>
    public const string ProgressStreams = "progress";

    /// <summary>Where stream subscriptions are kept (the name Orleans streaming looks up).</summary>
    public const string PubSubStorageName = "PubSubStore";

    /// <summary>
    /// PostgreSQL clustering, grain storage and reminders when configured (with the schema applied
    /// first in the lifecycle); otherwise in-memory storage and reminders. Clustering for the
    /// embedded default is chosen by <see cref="UseOrleansAIEndpoints"/>.
    /// </summary>
    public static ISiloBuilder UseOrleansAIStorage(this ISiloBuilder silo, PostgresOptions postgres)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(postgres);
        // Progress events: memory streams (delivered through the cluster's own queue grains). Losing
        // events in flight on a crash is acceptable: the job's persisted history is the record.
        silo.AddMemoryStreams(ProgressStreams);
        // One budget for every round's early result reads on this silo.
        silo.Services.TryAddSingleton<Grains.Rounds.RoundReadBudget>();
        if (!postgres.IsConfigured)
        {
            silo.AddMemoryGrainStorage(StorageName);
            silo.AddMemoryGrainStorage(PubSubStorageName);
            silo.UseInMemoryReminderService();
            return silo;
        }

        var connectionString = Bounded(postgres.ConnectionString!);
        silo.Services.TryAddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SchemaMigrationParticipant>();
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = PostgresOptions.Invariant;
            o.ConnectionString = connectionString;
        });
        silo.AddAdoNetGrainStorage(StorageName, o =>
        {
            o.Invariant = PostgresOptions.Invariant;
            o.ConnectionString = connectionString;
        });
        silo.AddAdoNetGrainStorage(PubSubStorageName, o =>
        {
            o.Invariant = PostgresOptions.Invariant;
            o.ConnectionString = connectionString;
        });
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = PostgresOptions.Invariant;
            o.ConnectionString = connectionString;
        });
        // Grain state is JSON with type names; lists from collection expressions must not be named by their compiler type.
        silo.Services.PostConfigure<global::Orleans.Serialization.OrleansJsonSerializerOptions>(o =>
            o.JsonSerializerSettings.SerializationBinder = new CollectionExpressionBinder(o.JsonSerializerSettings.SerializationBinder ?? new Newtonsoft.Json.Serialization.DefaultSerializationBinder()));
        return silo;
    }

    /// <summary>The silo's pool size unless the connection string sets one.</summary>
    public const int DefaultMaxPoolSize = 40;

    // PostgreSQL allows 100 connections by default and Npgsql pools up to 100 per connection string:
    // a burst of activations (a thousand providers signing in) must queue for a connection, not be
    // refused by the server, and a few silos and the Api must fit together.
    private static string Bounded(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("pool size", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// Cluster identity and endpoints: advertised address and ports, and TLS when configured, when
    /// clustered through PostgreSQL; localhost clustering on the same ports for the embedded default.
    /// </summary>
    public static ISiloBuilder UseOrleansAIEndpoints(this ISiloBuilder silo, ClusterEndpointOptions cluster, bool clustered)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(cluster);
        if (!clustered)
        {
            return silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
        }

        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ServiceId;
        });
        // Cluster members talk over the network: mutual TLS under the cluster CA when configured
        // (TransportSecurity refuses to start without it unless plaintext is allowed).
        if (cluster.Tls.IsComplete)
        {
            silo.UseOrleansAITls(cluster.Tls);
        }

        var address = AdvertisedAddress(cluster.AdvertisedAddress);
        return silo.ConfigureEndpoints(address, cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(address));
    }

    /// <summary>
    /// The address a silo advertises: an IP as given, else the first IPv4 address of a host name;
    /// <c>host</c> means this machine's own name, so that every replica of a container (compose
    /// scale, Container Apps) advertises its own address from the same setting.
    /// </summary>
    public static IPAddress AdvertisedAddress(string setting)
    {
        ArgumentException.ThrowIfNullOrEmpty(setting);
        if (IPAddress.TryParse(setting, out var ip))
        {
            return ip;
        }

        var name = setting == ClusterEndpointOptions.OwnHostName ? Dns.GetHostName() : setting;
        return Dns.GetHostAddresses(name).FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
            ?? throw new InvalidOperationException($"Cluster:AdvertisedAddress '{setting}' resolves to no IPv4 address.");
    }
}
