using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using OrleansAI.Hosting.Orleans;
using OrleansAI.Hosting.Security.Tls;
using OrleansAI.Tls;

namespace OrleansAI.Hosting.Tests;

/// <summary>The cluster's mutual TLS: members with certificates from the cluster CA talk; nobody else gets in.</summary>
public sealed class ClusterTlsTests : IDisposable
{
    private readonly string _foreign = Path.Combine(Path.GetTempPath(), $"oai-foreign-{Guid.NewGuid():N}");

    [Fact]
    public async Task ASiloAndAClientWithCertificatesFromTheClusterCaTalk()
    {
        await using var cluster = await PostgresCluster.StartAsync(LocalServices.UniqueId("tls"), LocalServices.UniqueId("tlsc"));

        var hosts = await cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);

        Assert.Single(hosts);
    }

    [Fact]
    public async Task AClientWithoutTlsCannotUseTheCluster()
    {
        await using var cluster = await PostgresCluster.StartAsync(LocalServices.UniqueId("tls"), LocalServices.UniqueId("tlsc"), client: false);

        await AssertRefusedAsync(cluster, new ClusterTlsOptions());
    }

    [Fact]
    public async Task AClientWithACertificateFromAnotherCaCannotUseTheCluster()
    {
        await using var cluster = await PostgresCluster.StartAsync(LocalServices.UniqueId("tls"), LocalServices.UniqueId("tlsc"), client: false);
        // It trusts the cluster's CA, so only the silo's check of the client's certificate stands in its way.
        var foreign = DevelopmentCertificates.Ensure(_foreign, []).Files;

        await AssertRefusedAsync(cluster, new ClusterTlsOptions { CertificatePath = foreign.CertificatePath, KeyPath = foreign.KeyPath, CaPath = TestCertificates.Files.AuthorityPath });
    }

    [Fact]
    public async Task AClientThatPinsAnotherCaRefusesTheClustersSilos()
    {
        await using var cluster = await PostgresCluster.StartAsync(LocalServices.UniqueId("tls"), LocalServices.UniqueId("tlsc"), client: false);
        var foreign = DevelopmentCertificates.Ensure(_foreign, []).Files;

        await AssertRefusedAsync(cluster, new ClusterTlsOptions { CertificatePath = TestCertificates.Files.CertificatePath, KeyPath = TestCertificates.Files.KeyPath, CaPath = foreign.AuthorityPath });
    }

    private static async Task AssertRefusedAsync(PostgresCluster cluster, ClusterTlsOptions tls)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Critical);
        var endpoints = new ClusterEndpointOptions { ClusterId = cluster.ClusterId, ServiceId = cluster.ServiceId, Tls = tls };
        builder.UseOrleansClient(client => client.UseOrleansAICluster(new PostgresOptions { ConnectionString = LocalServices.PostgresConnection }, endpoints));
        using var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await host.StartAsync(timeout.Token);
            await host.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(10));
        });
        try
        {
            await host.StopAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException)
        {
            // A client that never connected may not stop cleanly; it is thrown away either way.
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_foreign))
        {
            Directory.Delete(_foreign, recursive: true);
        }
    }
}
