using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OrleansAI.Testing.Network;

/// <summary>
/// The real Api in-process as a client of a PostgreSQL cluster, as it runs in production; on the
/// in-memory test server, or with <paramref name="kestrelPorts"/> on Kestrel over real sockets
/// (HTTPS and gRPC over TLS with the test CA's certificate; cluster TLS either way).
/// </summary>
public sealed class NetworkApi(PostgresCluster cluster, IReadOnlyDictionary<string, string?>? settings = null, (int Http, int Grpc)? kestrelPorts = null) : WebApplicationFactory<Program>
{
    static NetworkApi()
    {
        // Test projects get the Api's content root from an attribute the testing package writes;
        // a benchmark executable does not, so point at the Api's folder in the checkout.
        const string Variable = "ASPNETCORE_TEST_CONTENTROOT_ORLEANSAI_API";
        if (Environment.GetEnvironmentVariable(Variable) is null)
        {
            if (Checkout.Find(Path.Combine("Api", "OrleansAI.Api.csproj")) is { } project)
            {
                Environment.SetEnvironmentVariable(Variable, Path.GetDirectoryName(project));
            }
        }
    }

    /// <summary>The client the tests act as, and its key.</summary>
    public const string ClientId = "alice";

    /// <summary>The API key of <see cref="ClientId"/>.</summary>
    public const string ClientKey = "alice-network-key";

    // A client with the operator role (decides disputed fraud cases); entry 9 leaves the low entries to tests that add clients.
    private const string OperatorKey = "operator-network-key";

    /// <summary>The client API's URL on Kestrel, or null on the test server.</summary>
    public Uri? HttpUrl => kestrelPorts is { } p ? new Uri($"https://127.0.0.1:{p.Http}") : null;

    /// <summary>The provider gateway's URL on Kestrel, or null on the test server.</summary>
    public Uri? GrpcUrl => kestrelPorts is { } p ? new Uri($"https://127.0.0.1:{p.Grpc}") : null;

    /// <summary>The test CA, which Kestrel's certificate comes from; the clients of this Api pin it.</summary>
    public OrleansAI.Tls.PinnedCertificateAuthority Pin { get; } = TestCertificates.Authority();

    /// <summary>An HTTP client authenticated as <see cref="ClientId"/>.</summary>
    public HttpClient Client() => ClientWith(ClientKey);

    /// <summary>An HTTP client authenticated as the client "operator", which has the operator role.</summary>
    public HttpClient OperatorClient() => ClientWith(OperatorKey);

    private HttpClient ClientWith(string key)
    {
        var http = HttpUrl is { } url
            ? new HttpClient(Pin.Apply(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })) { BaseAddress = url }
            : CreateClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return http;
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The test server cannot apply request size limits and says so on every request.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Routing", "Error");
        builder.UseSetting("Postgres:ConnectionString", LocalServices.PostgresConnection);
        builder.UseSetting("Cluster:ServiceId", cluster.ServiceId);
        builder.UseSetting("Cluster:ClusterId", cluster.ClusterId);
        builder.UseSetting("Cluster:GatewayPort", LocalServices.FreeTcpPort().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("BlobStorage:ConnectionString", LocalServices.AzuriteConnection);
        builder.UseSetting("BlobStorage:Container", PostgresCluster.BlobContainer);
        builder.UseSetting("Chain:RpcUrl", LocalServices.AnvilUrl);
        builder.UseSetting("Clients:Keys:0:ClientId", ClientId);
        // A client of the cluster over its mutual TLS.
        foreach (var (key, value) in TestCertificates.ClusterSettings)
        {
            builder.UseSetting(key, value);
        }

        if (kestrelPorts is { } ports)
        {
            // HTTPS and gRPC over TLS with the test CA's certificate, as the platform serves them.
            foreach (var (name, url) in new[] { ("Http", HttpUrl!), ("Providers", GrpcUrl!) })
            {
                builder.UseSetting($"Kestrel:Endpoints:{name}:Url", url.ToString());
                builder.UseSetting($"Kestrel:Endpoints:{name}:Certificate:Path", TestCertificates.Files.CertificatePath);
                builder.UseSetting($"Kestrel:Endpoints:{name}:Certificate:KeyPath", TestCertificates.Files.KeyPath);
            }

            builder.UseSetting("Tls:AllowPlaintext", "false");
        }

        builder.UseSetting("Clients:Keys:0:Sha256", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ClientKey))));
        builder.UseSetting("Clients:Keys:9:ClientId", "operator");
        builder.UseSetting("Clients:Keys:9:Sha256", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(OperatorKey))));
        builder.UseSetting("Clients:Keys:9:Roles:0", "operator");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }
}
