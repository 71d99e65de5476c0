using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace OrleansAI.Testing;

/// <summary>
/// Where the real services of the local stack (infra/local/stack.sh) listen. The values come from
/// the variables `stack.sh env` prints, falling back to the stack's default ports, so tests run
/// both under `./oai.sh test` and after a manual `stack.sh start`.
/// </summary>
public static class LocalServices
{
    /// <summary>Azurite's documented development account key (public, development only).</summary>
    private const string AzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>Npgsql connection string of the stack's <c>orleans</c> database.</summary>
    public static string PostgresConnection =>
        Env("OAI_PG_CONNECTION") ?? DefaultPostgresConnection();

    /// <summary>Azure Storage connection string of the stack's Azurite.</summary>
    public static string AzuriteConnection =>
        Env("OAI_AZURITE_CONNECTION")
        ?? "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AzuriteKey
        + ";BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";

    /// <summary>JSON-RPC URL of the stack's Anvil.</summary>
    public static string AnvilUrl => Env("OAI_ANVIL_URL") ?? "http://127.0.0.1:8545";

    /// <summary>Anvil's chain id.</summary>
    public const long ChainId = 31337;

    /// <summary>A connection string that points at a port where nothing listens: a stopped PostgreSQL.</summary>
    public static string UnreachablePostgresConnection =>
        $"Host=127.0.0.1;Port={FreeTcpPort()};Database=orleans;Username=orleans;Password=orleans;Timeout=2";

    /// <summary>An Azure Storage connection string for a stopped Azurite.</summary>
    public static string UnreachableAzuriteConnection =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteKey};BlobEndpoint=http://127.0.0.1:{FreeTcpPort()}/devstoreaccount1;";

    /// <summary>A JSON-RPC URL for a stopped chain node.</summary>
    public static string UnreachableRpcUrl => $"http://127.0.0.1:{FreeTcpPort()}";

    /// <summary>A TCP port nothing listens on at the moment of the call.</summary>
    public static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>An id unique to this test run, usable as an Orleans cluster or service id.</summary>
    public static string UniqueId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 64)];

    /// <summary>Fails with instructions when the stack's PostgreSQL does not answer.</summary>
    public static async Task<NpgsqlDataSource> OpenPostgresAsync()
    {
        var dataSource = NpgsqlDataSource.Create(PostgresConnection);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            return dataSource;
        }
        catch (NpgsqlException ex)
        {
            await dataSource.DisposeAsync();
            throw new InvalidOperationException(
                "The local stack's PostgreSQL is not running; start it with `infra/local/stack.sh start` or run the tests with `./oai.sh test`.", ex);
        }
    }

    // The stack's defaults, verifying its server certificate against its CA in the checkout's state
    // folder when there is one (stack.sh env prints the same), else still requiring TLS.
    private static string DefaultPostgresConnection()
    {
        const string Plain = "Host=127.0.0.1;Port=15432;Database=orleans;Username=orleans;Password=orleans";
        string? ca = null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null && ca is null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".oai", "pg-tls", "ca.crt");
            ca = File.Exists(candidate) ? candidate : null;
        }

        return ca is null ? Plain + ";SSL Mode=Require" : $"{Plain};SSL Mode=VerifyFull;Root Certificate={ca}";
    }

    private static string? Env(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
