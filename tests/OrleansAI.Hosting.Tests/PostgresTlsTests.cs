using Npgsql;

namespace OrleansAI.Hosting.Tests;

/// <summary>The local stack's PostgreSQL speaks TLS only, and the connection string it prints verifies the server.</summary>
public sealed class PostgresTlsTests
{
    [Fact]
    public async Task TheStacksConnectionIsEncrypted()
    {
        await using var postgres = await LocalServices.OpenPostgresAsync();
        await using var command = postgres.CreateCommand("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()");

        Assert.True((bool)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task APlaintextConnectionIsRefusedByTheServer()
    {
        var builder = new NpgsqlConnectionStringBuilder(LocalServices.PostgresConnection) { SslMode = SslMode.Disable, Timeout = 5 };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());

        Assert.Contains("no encryption", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheServerIsVerifiedAgainstTheStacksCaNotAnyOther()
    {
        var builder = new NpgsqlConnectionStringBuilder(LocalServices.PostgresConnection);
        Assert.Equal(SslMode.VerifyFull, builder.SslMode);
        // The tests' own CA did not issue PostgreSQL's certificate: verification must fail.
        builder.RootCertificate = TestCertificates.Files.AuthorityPath;
        builder.Timeout = 5;
        await using var connection = new NpgsqlConnection(builder.ConnectionString);

        await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync());
    }
}
