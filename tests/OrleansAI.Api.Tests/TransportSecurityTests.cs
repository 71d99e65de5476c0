using OrleansAI.Hosting;

namespace OrleansAI.Api.Tests;

/// <summary>The Api starts only encrypted, unless the development switch says otherwise.</summary>
public sealed class TransportSecurityTests
{
    [Fact]
    public async Task APlaintextEndpointWithoutTheSwitchStopsTheApiAndNamesTheSetting()
    {
        var outcome = await HostProcess.RunUntilExitAsync("OrleansAI.Api", new Dictionary<string, string> { ["Tls:AllowPlaintext"] = "false" }, TimeSpan.FromSeconds(90));

        Assert.Equal(HostRunner.InvalidConfiguration, outcome.ExitCode);
        Assert.Contains("api: invalid configuration: plaintext is refused: HTTP endpoint http://127.0.0.1:", outcome.StandardError, StringComparison.Ordinal);
        Assert.Contains("Tls:AllowPlaintext=true", outcome.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClusterModeWithoutClusterTlsIsRefusedEvenOnHttps()
    {
        var settings = HttpsEndpoints();
        settings["Postgres:ConnectionString"] = LocalServices.PostgresConnection;
        settings["BlobStorage:ConnectionString"] = LocalServices.AzuriteConnection;
        settings["Chain:RpcUrl"] = LocalServices.AnvilUrl;

        var outcome = await HostProcess.RunUntilExitAsync("OrleansAI.Api", settings, TimeSpan.FromSeconds(90));

        Assert.Equal(HostRunner.InvalidConfiguration, outcome.ExitCode);
        Assert.Contains("the cluster's connections (no Cluster:Tls)", outcome.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("HTTP endpoint", outcome.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IncompleteClusterTlsSettingsAreRefused()
    {
        var settings = HttpsEndpoints();
        settings["Cluster:Tls:CertificatePath"] = TestCertificates.Files.CertificatePath;

        var outcome = await HostProcess.RunUntilExitAsync("OrleansAI.Api", settings, TimeSpan.FromSeconds(90));

        Assert.Equal(HostRunner.InvalidConfiguration, outcome.ExitCode);
        Assert.Contains("Cluster:Tls needs all of CertificatePath, KeyPath and CaPath.", outcome.StandardError, StringComparison.Ordinal);
    }

    // Both of the Api's endpoints on https with the test CA's certificate, and the switch off.
    private static Dictionary<string, string> HttpsEndpoints()
    {
        var settings = new Dictionary<string, string> { ["Tls:AllowPlaintext"] = "false" };
        foreach (var name in new[] { "Http", "Providers" })
        {
            settings[$"Kestrel:Endpoints:{name}:Url"] = $"https://127.0.0.1:{LocalServices.FreeTcpPort()}";
            settings[$"Kestrel:Endpoints:{name}:Certificate:Path"] = TestCertificates.Files.CertificatePath;
            settings[$"Kestrel:Endpoints:{name}:Certificate:KeyPath"] = TestCertificates.Files.KeyPath;
        }

        return settings;
    }
}
