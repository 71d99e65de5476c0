namespace OrleansAI.Hosting.Audit;

/// <summary>A read of the audit log: one owner's entries, newest first, filtered and paged.</summary>
/// <param name="Owner">Whose entries (a client id or <c>platform</c>); null for every owner (operators only).</param>
/// <param name="Resource">Only this resource, when set.</param>
/// <param name="Action">Only this action, when set.</param>
/// <param name="Actor">Only this actor, when set.</param>
/// <param name="Allowed">Only allowed (true) or refused (false) accesses, when set.</param>
/// <param name="Since">Only entries whose last event is at or after this, when set.</param>
/// <param name="Until">Only entries whose first event is before this, when set.</param>
/// <param name="Before">Only entries older than this id (the next page), when set.</param>
/// <param name="Limit">At most this many entries (1-1000).</param>
public sealed record AuditQuery(
    string? Owner,
    string? Resource = null,
    string? Action = null,
    string? Actor = null,
    bool? Allowed = null,
    DateTimeOffset? Since = null,
    DateTimeOffset? Until = null,
    long? Before = null,
    int Limit = 100);
