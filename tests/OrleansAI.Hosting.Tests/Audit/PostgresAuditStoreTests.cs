using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OrleansAI.Grains.Interfaces.Audit;
using OrleansAI.Hosting.Audit;
using OrleansAI.Hosting.Database;

namespace OrleansAI.Hosting.Tests.Audit;

/// <summary>Issue #16 item 13: the audit log in PostgreSQL, append-only, read by owner, pruned by age.</summary>
public sealed class PostgresAuditStoreTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task RecordsAreReadBackByTheirOwnerNewestFirstAndNeverByAnotherOwner()
    {
        await using var scratch = await MigratedAsync();
        var store = new PostgresAuditStore(scratch.DataSource);
        await store.AppendAsync(
        [
            Record("bob", "dataset.read", "dataset/alice/x", "alice", allowed: false, Now.AddMinutes(-2)),
            Record("bob", "dataset.read", "dataset/alice/x", "alice", allowed: true, Now.AddMinutes(-1), count: 3),
            Record("alice", "dataset.read", "dataset/carol/y", "carol", allowed: true, Now),
        ], CancellationToken.None);

        var alice = await store.QueryAsync(new AuditQuery("alice"), CancellationToken.None);
        var refused = await store.QueryAsync(new AuditQuery("alice", Allowed: false), CancellationToken.None);
        var page = await store.QueryAsync(new AuditQuery("alice", Before: alice[0].Id), CancellationToken.None);
        var recent = await store.QueryAsync(new AuditQuery("alice", Since: Now.AddSeconds(-90)), CancellationToken.None);

        Assert.Equal([3, 1], alice.Select(r => r.Count));
        Assert.All(alice, r => Assert.Equal("alice", r.Event.Owner));
        Assert.False(Assert.Single(refused).Event.Allowed);
        Assert.Equal(alice[1].Id, Assert.Single(page).Id);
        Assert.Equal(3, Assert.Single(recent).Count);
        Assert.Equal("bob", alice[0].Event.Actor);
        Assert.Equal(Now.AddMinutes(-1).ToUnixTimeMilliseconds(), alice[0].FirstUtc.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task TheTableRefusesUpdatesTruncationAndTheDeletionOfRecentEntries()
    {
        await using var scratch = await MigratedAsync();
        await new PostgresAuditStore(scratch.DataSource).AppendAsync([Record("bob", "model.read", "model/alice/m/1", "alice", true, Now)], CancellationToken.None);

        var update = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(scratch, "UPDATE oai_audit SET allowed = false"));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(scratch, "DELETE FROM oai_audit"));
        var truncate = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(scratch, "TRUNCATE oai_audit"));

        Assert.All([update, delete, truncate], ex => Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState));
        var left = await new PostgresAuditStore(scratch.DataSource).QueryAsync(new AuditQuery("alice"), CancellationToken.None);
        Assert.True(Assert.Single(left).Event.Allowed);
    }

    [Fact]
    public async Task RetentionDeletesOnlyEntriesPastItsCutoff()
    {
        await using var scratch = await MigratedAsync();
        var store = new PostgresAuditStore(scratch.DataSource);
        await store.AppendAsync(
        [
            Record("bob", "model.read", "model/alice/m/1", "alice", true, Now.AddDays(-400)),
            Record("bob", "model.read", "model/alice/m/1", "alice", true, Now.AddDays(-30)),
            Record("bob", "model.read", "model/alice/m/1", "alice", true, Now),
        ], CancellationToken.None);

        var removed = await store.PruneAsync(Now.AddDays(-365), CancellationToken.None);

        Assert.Equal(1, removed);
        var left = await store.QueryAsync(new AuditQuery("alice"), CancellationToken.None);
        Assert.Equal(2, left.Count);
        Assert.All(left, r => Assert.True(r.LastUtc > Now.AddDays(-365)));
    }

    [Fact]
    public async Task TheWriterKeepsEventsThroughAStoreOutageAndWritesThemOnceItIsBack()
    {
        await using var scratch = await MigratedAsync();
        var store = new FlakyStore(new PostgresAuditStore(scratch.DataSource)) { Down = true };
        using var writer = new AuditWriter(store, Microsoft.Extensions.Options.Options.Create(new AuditOptions()), TimeProvider.System, NullLogger<AuditWriter>.Instance);
        for (var i = 0; i < 5; i++)
        {
            writer.Record(new AuditEvent("bob", AuditActions.ModelInfer, "model/alice/m/1", "alice", "10.0.0.1", true));
        }

        var whileDown = await writer.FlushAsync(CancellationToken.None);
        store.Down = false;
        var onceUp = await writer.FlushAsync(CancellationToken.None);

        Assert.False(whileDown);
        Assert.True(onceUp);
        var stored = await store.QueryAsync(new AuditQuery("alice"), CancellationToken.None);
        Assert.Equal(5, Assert.Single(stored).Count);
    }

    private static async Task<ScratchDatabase> MigratedAsync()
    {
        var scratch = await ScratchDatabase.CreateAsync();
        await PostgresMigrator.ApplyAsync(scratch.DataSource, NullLogger.Instance, CancellationToken.None);
        return scratch;
    }

    private static async Task ExecuteAsync(ScratchDatabase scratch, string sql)
    {
        await using var command = scratch.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static AuditRecord Record(string actor, string action, string resource, string owner, bool allowed, DateTimeOffset at, int count = 1) =>
        new(0, at, at, count, new AuditEvent(actor, action, resource, owner, "10.0.0.1", allowed, allowed ? null : "no grant"));

    private sealed class FlakyStore(IAuditStore inner) : IAuditStore
    {
        public bool Down { get; set; }

        public Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken) =>
            Down ? throw new NpgsqlException("the database is down") : inner.AppendAsync(records, cancellationToken);

        public Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken) => inner.QueryAsync(query, cancellationToken);

        public Task<long> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => inner.PruneAsync(cutoff, cancellationToken);
    }
}
