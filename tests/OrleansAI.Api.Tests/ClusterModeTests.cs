using System.Net;
using System.Net.Http.Json;
using OrleansAI.Api.Diagnostics;
using OrleansAI.Hosting;

namespace OrleansAI.Api.Tests;

public sealed class ClusterModeTests
{
    [Fact]
    public async Task WithPostgresConfiguredTheApiIsAClientOfASeparateSilo()
    {
        var serviceId = LocalServices.UniqueId("api");
        var clusterId = LocalServices.UniqueId("apic");
        await using var cluster = await PostgresCluster.StartAsync(serviceId, clusterId, client: false);
        await using var api = new ApiFactory(ClusterSettings(LocalServices.PostgresConnection, serviceId, clusterId));
        using var http = api.ClientFor("ops");

        using var response = await http.PostAsync(new Uri("/api/diagnostics/smoke", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<SmokeReport>();
        Assert.NotNull(report);
        Assert.Equal("cluster", report.Mode);
        Assert.True(report.Ok);
        var silo = Assert.Single(cluster.Silos).Key;
        Assert.Contains($"on silo {silo}", report.Steps[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithPostgresStoppedTheApiExitsNonZeroAndNamesIt()
    {
        var settings = ClusterSettings(LocalServices.UnreachablePostgresConnection, "svc", "cluster");
        settings["StartupGate:Patience"] = "00:00:01";

        var outcome = await HostProcess.RunUntilExitAsync("OrleansAI.Api", Strings(settings), TimeSpan.FromSeconds(90));

        Assert.Equal(HostRunner.MissingDependency, outcome.ExitCode);
        Assert.Contains("api: cannot start: Required services are unavailable", outcome.StandardError, StringComparison.Ordinal);
        Assert.Contains("postgres: PostgreSQL is unreachable", outcome.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithPostgresButNoBlobStoreConfiguredTheApiExitsNonZeroAndNamesIt()
    {
        var settings = ClusterSettings(LocalServices.PostgresConnection, "svc", "cluster");
        settings.Remove("BlobStorage:ConnectionString");

        var outcome = await HostProcess.RunUntilExitAsync("OrleansAI.Api", Strings(settings), TimeSpan.FromSeconds(90));

        Assert.Equal(HostRunner.MissingDependency, outcome.ExitCode);
        Assert.Contains("Required services are not configured: blob-storage", outcome.StandardError, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Strings(Dictionary<string, string?> settings) =>
        settings.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!);

    private static Dictionary<string, string?> ClusterSettings(string postgres, string serviceId, string clusterId) => new()
    {
        ["Postgres:ConnectionString"] = postgres,
        ["BlobStorage:ConnectionString"] = LocalServices.AzuriteConnection,
        ["Chain:RpcUrl"] = LocalServices.AnvilUrl,
        ["Cluster:ServiceId"] = serviceId,
        ["Cluster:ClusterId"] = clusterId,
    };
}
