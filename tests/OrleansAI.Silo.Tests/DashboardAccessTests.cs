using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OrleansAI.Silo.Tests;

public sealed class DashboardAccessTests : IClassFixture<DashboardAccessTests.SiloFactory>
{
    private const string OperatorKey = "silo-operator-key";
    private const string ClientKey = "silo-client-key";
    private readonly SiloFactory _silo;

    public DashboardAccessTests(SiloFactory silo) => _silo = silo;

    [Fact]
    public async Task TheDashboardAsksAnAnonymousBrowserForCredentials()
    {
        using var http = _silo.CreateClient();

        using var response = await http.GetAsync(new Uri("/dashboard", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Basic");
    }

    [Fact]
    public async Task AClientKeyWithoutTheOperatorRoleIsForbiddenTheDashboard()
    {
        using var http = _silo.CreateClient();
        http.DefaultRequestHeaders.Authorization = Basic(ClientKey);

        using var response = await http.GetAsync(new Uri("/dashboard", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AnOperatorKeyAsABrowserPasswordOpensTheDashboard()
    {
        using var http = _silo.CreateClient();
        http.DefaultRequestHeaders.Authorization = Basic(OperatorKey);

        using var response = await http.GetAsync(new Uri("/dashboard/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ReadinessNamesChecksButNotTheirDetailsToAnonymousCallers()
    {
        using var anonymous = _silo.CreateClient();
        using var operatorHttp = _silo.CreateClient();
        operatorHttp.DefaultRequestHeaders.Authorization = Basic(OperatorKey);

        var open = await anonymous.GetStringAsync(new Uri("/health/ready", UriKind.Relative));
        var full = await operatorHttp.GetStringAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Contains("\"cluster\"", open, StringComparison.Ordinal);
        Assert.DoesNotContain("description", open, StringComparison.Ordinal);
        Assert.Contains("description", full, StringComparison.Ordinal);
    }

    private static AuthenticationHeaderValue Basic(string key) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("anyone:" + key)));

    /// <summary>The real silo in-process on free ports, with one operator key and one plain client key.</summary>
    public sealed class SiloFactory : WebApplicationFactory<Program>
    {
        /// <inheritdoc />
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Cluster:SiloPort", LocalServices.FreeTcpPort().ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Cluster:GatewayPort", LocalServices.FreeTcpPort().ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Clients:Keys:0:ClientId", "ops");
            builder.UseSetting("Clients:Keys:0:Sha256", Hash(OperatorKey));
            builder.UseSetting("Clients:Keys:0:Roles:0", "operator");
            builder.UseSetting("Clients:Keys:1:ClientId", "alice");
            builder.UseSetting("Clients:Keys:1:Sha256", Hash(ClientKey));
        }

        private static string Hash(string key) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
