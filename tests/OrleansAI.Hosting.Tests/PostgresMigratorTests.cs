using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OrleansAI.Hosting.Database;

namespace OrleansAI.Hosting.Tests;

public sealed class PostgresMigratorTests
{
    // Every key the Orleans 10.4 ADO.NET clustering, persistence and reminder providers read at start.
    private static readonly string[] RequiredQueryKeys =
    [
        "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey",
        "MembershipReadRowKey", "MembershipReadAllKey", "GatewaysQueryKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey",
        "WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey",
        "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key",
        "ReadRangeRows2Key", "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    [Fact]
    public void EveryScriptInInfraSqlIsEmbeddedInOrder()
    {
        Assert.Equal(
            ["001_orleans_main.sql", "002_orleans_clustering.sql", "003_orleans_persistence.sql", "004_orleans_reminders.sql", "005_audit.sql"],
            PostgresMigrator.ScriptNames);
    }

    [Fact]
    public async Task MigrationsInstallEveryProviderQueryOnAFreshDatabaseAndCanBeAppliedAgain()
    {
        await using var scratch = await ScratchDatabase.CreateAsync();

        await PostgresMigrator.ApplyAsync(scratch.DataSource, NullLogger.Instance, CancellationToken.None);
        var first = await QueryKeysAsync(scratch.DataSource);
        await PostgresMigrator.ApplyAsync(scratch.DataSource, NullLogger.Instance, CancellationToken.None);
        var second = await QueryKeysAsync(scratch.DataSource);

        Assert.Empty(RequiredQueryKeys.Except(first));
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task ConcurrentMigrationsOnAFreshDatabaseDoNotFail()
    {
        await using var scratch = await ScratchDatabase.CreateAsync();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            PostgresMigrator.ApplyAsync(scratch.DataSource, NullLogger.Instance, CancellationToken.None)));

        Assert.Empty(RequiredQueryKeys.Except(await QueryKeysAsync(scratch.DataSource)));
    }

    [Fact]
    public async Task MigratingAnUnreachableServerFailsWithTheServerNamed()
    {
        await using var dataSource = NpgsqlDataSource.Create(LocalServices.UnreachablePostgresConnection);

        var error = await Assert.ThrowsAsync<DependencyUnavailableException>(() =>
            PostgresMigrator.ApplyAsync(dataSource, NullLogger.Instance, CancellationToken.None));

        Assert.Equal("PostgreSQL", error.Dependency);
        Assert.Contains($"127.0.0.1:{new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).Port}/orleans", error.Message);
    }

    private static async Task<string[]> QueryKeysAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT querykey FROM orleansquery ORDER BY querykey");
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return [.. keys];
    }
}
