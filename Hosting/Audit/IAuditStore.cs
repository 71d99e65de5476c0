namespace OrleansAI.Hosting.Audit;

/// <summary>Where audit records are kept: PostgreSQL, or memory under the embedded defaults.</summary>
public interface IAuditStore
{
    /// <summary>Appends the records (one batch, all or nothing).</summary>
    Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken);

    /// <summary>The records the query selects, newest first.</summary>
    Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken);

    /// <summary>Deletes records whose last event is before <paramref name="cutoff"/>; how many went.</summary>
    Task<long> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
