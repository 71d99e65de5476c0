using Npgsql;
using NpgsqlTypes;
using OrleansAI.Grains.Interfaces.Audit;

namespace OrleansAI.Hosting.Audit;

/// <summary>The audit log in PostgreSQL (table <c>oai_audit</c>, infra/sql/005_audit.sql): appended in batches, read by owner.</summary>
public sealed class PostgresAuditStore(NpgsqlDataSource dataSource) : IAuditStore
{
    /// <inheritdoc />
    public async Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        // One binary COPY per batch: a flush costs one round trip however many records it holds.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY oai_audit (first_at, last_at, count, actor, action, resource, owner, source, allowed, detail) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var record in records)
        {
            var e = record.Event;
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(record.FirstUtc.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(record.LastUtc.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(record.Count, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(e.Actor, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(e.Action, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(e.Resource, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(e.Owner, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(e.Source, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(e.Allowed, NpgsqlDbType.Boolean, cancellationToken);
            if (e.Detail is null)
            {
                await writer.WriteNullAsync(cancellationToken);
            }
            else
            {
                await writer.WriteAsync(e.Detail, NpgsqlDbType.Varchar, cancellationToken);
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var command = dataSource.CreateCommand(
            """
            SELECT id, first_at, last_at, count, actor, action, resource, owner, source, allowed, detail
            FROM oai_audit
            WHERE (@owner::varchar IS NULL OR owner = @owner)
              AND (@resource::varchar IS NULL OR resource = @resource)
              AND (@action::varchar IS NULL OR action = @action)
              AND (@actor::varchar IS NULL OR actor = @actor)
              AND (@allowed::boolean IS NULL OR allowed = @allowed)
              AND (@since::timestamptz IS NULL OR last_at >= @since)
              AND (@until::timestamptz IS NULL OR first_at < @until)
              AND (@before::bigint IS NULL OR id < @before)
            ORDER BY id DESC
            LIMIT @limit
            """);
        Add(command, "owner", NpgsqlDbType.Varchar, query.Owner);
        Add(command, "resource", NpgsqlDbType.Varchar, query.Resource);
        Add(command, "action", NpgsqlDbType.Varchar, query.Action);
        Add(command, "actor", NpgsqlDbType.Varchar, query.Actor);
        Add(command, "allowed", NpgsqlDbType.Boolean, query.Allowed);
        Add(command, "since", NpgsqlDbType.TimestampTz, query.Since?.UtcDateTime);
        Add(command, "until", NpgsqlDbType.TimestampTz, query.Until?.UtcDateTime);
        Add(command, "before", NpgsqlDbType.Bigint, query.Before);
        Add(command, "limit", NpgsqlDbType.Integer, Math.Clamp(query.Limit, 1, 1000));
        var found = new List<AuditRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new AuditRecord(
                reader.GetInt64(0),
                new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero),
                new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero),
                reader.GetInt32(3),
                new AuditEvent(reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetBoolean(9), reader.IsDBNull(10) ? null : reader.GetString(10))));
        }

        return found;
    }

    /// <inheritdoc />
    public async Task<long> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM oai_audit WHERE last_at < @cutoff");
        command.Parameters.AddWithValue("cutoff", NpgsqlDbType.TimestampTz, cutoff.UtcDateTime);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Add(NpgsqlCommand command, string name, NpgsqlDbType type, object? value) =>
        command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });
}
