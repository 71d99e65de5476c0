namespace OrleansAI.Hosting.Audit;

/// <summary>
/// The audit log in memory, for the embedded defaults (no PostgreSQL) and fast tests: the newest
/// <see cref="Capacity"/> records, lost on restart.
/// </summary>
public sealed class MemoryAuditStore : IAuditStore
{
    /// <summary>Records kept.</summary>
    public const int Capacity = 100_000;

    private readonly Lock _gate = new();
    private readonly LinkedList<AuditRecord> _records = new();
    private long _nextId = 1;

    /// <inheritdoc />
    public Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        lock (_gate)
        {
            foreach (var record in records)
            {
                _records.AddLast(record with { Id = _nextId++ });
                if (_records.Count > Capacity)
                {
                    _records.RemoveFirst();
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            IReadOnlyList<AuditRecord> found = [.. _records.Reverse().Where(r => Matches(query, r)).Take(query.Limit)];
            return Task.FromResult(found);
        }
    }

    /// <inheritdoc />
    public Task<long> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        long removed = 0;
        lock (_gate)
        {
            for (var node = _records.First; node is not null;)
            {
                var next = node.Next;
                if (node.Value.LastUtc < cutoff)
                {
                    _records.Remove(node);
                    removed++;
                }

                node = next;
            }
        }

        return Task.FromResult(removed);
    }

    /// <summary>Whether <paramref name="record"/> is one <paramref name="query"/> selects (the PostgreSQL store's WHERE, in C#).</summary>
    public static bool Matches(AuditQuery query, AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(record);
        var e = record.Event;
        return (query.Owner is null || e.Owner == query.Owner)
            && (query.Resource is null || e.Resource == query.Resource)
            && (query.Action is null || e.Action == query.Action)
            && (query.Actor is null || e.Actor == query.Actor)
            && (query.Allowed is null || e.Allowed == query.Allowed)
            && (query.Since is null || record.LastUtc >= query.Since)
            && (query.Until is null || record.FirstUtc < query.Until)
            && (query.Before is null || record.Id < query.Before);
    }
}
