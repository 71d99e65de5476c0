using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using OrleansAI.Hosting;
using OrleansAI.Hosting.Options;
using OrleansAI.Hosting.Orleans;

namespace OrleansAI.Testing;

/// <summary>
/// Real silo and client hosts configured exactly as the Silo and Api configure themselves for
/// PostgreSQL (membership, grain storage, reminders, gateway discovery), isolated from other tests
/// by their cluster and service ids, over mutual TLS with the test CA (<see cref="TestCertificates"/>).
/// Silos can be stopped and new ones started to model restarts.
/// </summary>
public sealed class PostgresCluster(string serviceId, string clusterId, IReadOnlyDictionary<string, string?>? siloSettings = null) : IAsyncDisposable
{
    private readonly PostgresOptions _postgres = new() { ConnectionString = LocalServices.PostgresConnection };
    private readonly List<IHost> _silos = [];
    private IHost? _client;

    /// <summary>Service id: grain state and reminders are keyed by it.</summary>
    public string ServiceId { get; } = serviceId;

    /// <summary>The blob container the silos use (shared by all tests; content is addressed by hash).</summary>
    public const string BlobContainer = "orleansai-tests";

    /// <summary>Cluster (deployment) id: membership is keyed by it.</summary>
    public string ClusterId { get; } = clusterId;

    /// <summary>The cluster client; connected by <see cref="StartAsync"/>.</summary>
    public IClusterClient Client => _client?.Services.GetRequiredService<IClusterClient>()
        ?? throw new InvalidOperationException("The cluster has not been started.");

    /// <summary>Live silos by address.</summary>
    public IReadOnlyDictionary<string, IHost> Silos => _silos.ToDictionary(s => s.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString());

    /// <summary>Starts <paramref name="silos"/> silos (with extra <paramref name="siloSettings"/>) and, unless told otherwise, a connected client.</summary>
    public static async Task<PostgresCluster> StartAsync(string serviceId, string clusterId, int silos = 1, bool client = true, IReadOnlyDictionary<string, string?>? siloSettings = null)
    {
        var cluster = new PostgresCluster(serviceId, clusterId, siloSettings);
        for (var i = 0; i < silos; i++)
        {
            await cluster.StartSiloAsync();
        }

        if (client)
        {
            await cluster.ConnectClientAsync();
        }

        return cluster;
    }

    /// <summary>Starts one more silo on free ports.</summary>
    public async Task StartSiloAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Like the Silo: the blob store (rounds aggregate from it) on the local stack's Azurite.
        builder.Configuration[$"{BlobStorageOptions.Section}:ConnectionString"] = LocalServices.AzuriteConnection;
        builder.Configuration[$"{BlobStorageOptions.Section}:Container"] = BlobContainer;
        // Like the Silo too: what needs PostgreSQL beyond Orleans (the audit log) finds it in configuration.
        builder.Configuration[$"{PostgresOptions.Section}:ConnectionString"] = _postgres.ConnectionString;
        foreach (var (key, value) in siloSettings ?? new Dictionary<string, string?>())
        {
            builder.Configuration[key] = value;
        }

        var configured = builder.AddOrleansAIDependencies();
        builder.AddChainSigners(configured);
        var endpoints = Endpoints();
        endpoints.SiloPort = LocalServices.FreeTcpPort();
        endpoints.GatewayPort = LocalServices.FreeTcpPort();
        builder.UseOrleans(silo => silo.UseOrleansAIStorage(_postgres).UseOrleansAIEndpoints(endpoints, clustered: true));
        var host = builder.Build();
        await host.StartAsync();
        _silos.Add(host);
    }

    /// <summary>Stops the silo with the given address gracefully.</summary>
    public async Task StopSiloAsync(string address)
    {
        var host = Silos[address];
        await host.StopAsync();
        host.Dispose();
        _silos.Remove(host);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.StopAsync();
            _client.Dispose();
        }

        foreach (var silo in _silos.AsEnumerable().Reverse())
        {
            await silo.StopAsync();
            silo.Dispose();
        }

        _silos.Clear();
    }

    private async Task ConnectClientAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client.UseOrleansAICluster(_postgres, Endpoints()));
        _client = builder.Build();
        await _client.StartAsync();
    }

    // Members talk mutual TLS under the test CA, as the platform's cluster does.
    private ClusterEndpointOptions Endpoints() => new() { ClusterId = ClusterId, ServiceId = ServiceId, Tls = TestCertificates.Cluster };
}
