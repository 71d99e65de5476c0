using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using OrleansAI.Testing;

namespace OrleansAI.Testing.Network;

/// <summary>The real Api in-process as a client of a PostgreSQL cluster, as it runs in production.</summary>
public sealed class NetworkApi(PostgresCluster cluster) : WebApplicationFactory<Program>
{
    /// <summary>The client the tests act as, and its key.</summary>
    public const string ClientId = "alice";

    private const string ClientKey = "alice-network-key";

    /// <summary>An HTTP client authenticated as <see cref="ClientId"/>.</summary>
    public HttpClient Client()
    {
        var http = CreateClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ClientKey);
        return http;
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Postgres:ConnectionString", LocalServices.PostgresConnection);
        builder.UseSetting("Cluster:ServiceId", cluster.ServiceId);
        builder.UseSetting("Cluster:ClusterId", cluster.ClusterId);
        builder.UseSetting("Cluster:GatewayPort", LocalServices.FreeTcpPort().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("BlobStorage:ConnectionString", LocalServices.AzuriteConnection);
        builder.UseSetting("BlobStorage:Container", PostgresCluster.BlobContainer);
        builder.UseSetting("Chain:RpcUrl", LocalServices.AnvilUrl);
        builder.UseSetting("Clients:Keys:0:ClientId", ClientId);
        builder.UseSetting("Clients:Keys:0:Sha256", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ClientKey))));
    }
}
