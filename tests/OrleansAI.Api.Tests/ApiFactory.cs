using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OrleansAI.Api.Tests;

/// <summary>
/// The real Api in-process, configured through the same settings an operator uses. Each factory
/// co-hosts its own embedded silo on free ports unless PostgreSQL is configured.
/// </summary>
internal sealed class ApiFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    /// <summary>Embedded cluster plus the real Azurite and Anvil of the local stack.</summary>
    public static ApiFactory WithRealServices() => new(new Dictionary<string, string?>
    {
        ["BlobStorage:ConnectionString"] = LocalServices.AzuriteConnection,
        ["Chain:RpcUrl"] = LocalServices.AnvilUrl,
    });

    /// <summary>Clients the factory's Api accepts, with their keys.</summary>
    public static IReadOnlyDictionary<string, string> ClientKeys { get; } = new Dictionary<string, string> { ["alice"] = "alice-secret-key", ["bob"] = "bob-secret-key", ["ops"] = "ops-secret-key" };

    /// <summary>The clients with the operator role.</summary>
    public static IReadOnlySet<string> Operators { get; } = new HashSet<string> { "ops" };

    /// <summary>An HTTP client that authenticates as <paramref name="client"/>.</summary>
    public HttpClient ClientFor(string client)
    {
        var http = CreateClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ClientKeys[client]);
        return http;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Cluster:SiloPort", LocalServices.FreeTcpPort().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Cluster:GatewayPort", LocalServices.FreeTcpPort().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        var index = 0;
        foreach (var (client, key) in ClientKeys)
        {
            builder.UseSetting($"Clients:Keys:{index}:ClientId", client);
            if (Operators.Contains(client))
            {
                builder.UseSetting($"Clients:Keys:{index}:Roles:0", "operator");
            }

            builder.UseSetting($"Clients:Keys:{index++}:Sha256", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key))));
        }

        // In cluster mode the Api joins the test silos over their mutual TLS; unused on embedded defaults.
        foreach (var (key, value) in TestCertificates.ClusterSettings)
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
