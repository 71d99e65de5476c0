using Npgsql;

namespace OrleansAI.Hosting.Tests;

/// <summary>A throwaway database on the stack's PostgreSQL, dropped on dispose.</summary>
internal sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource _admin;
    private readonly string _name;

    private ScratchDatabase(NpgsqlDataSource admin, string name, NpgsqlDataSource dataSource)
    {
        _admin = admin;
        _name = name;
        DataSource = dataSource;
    }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<ScratchDatabase> CreateAsync()
    {
        var admin = await LocalServices.OpenPostgresAsync();
        var name = $"oai_scratch_{Guid.NewGuid():N}";
        await using (var create = admin.CreateCommand($"CREATE DATABASE {name}"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var csb = new NpgsqlConnectionStringBuilder(LocalServices.PostgresConnection) { Database = name };
        return new ScratchDatabase(admin, name, NpgsqlDataSource.Create(csb.ConnectionString));
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using (var drop = _admin.CreateCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)"))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await _admin.DisposeAsync();
    }
}
