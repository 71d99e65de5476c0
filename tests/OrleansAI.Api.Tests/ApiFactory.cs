using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using OrleansAI.Testing;

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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Cluster:SiloPort", LocalServices.FreeTcpPort().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Cluster:GatewayPort", LocalServices.FreeTcpPort().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
