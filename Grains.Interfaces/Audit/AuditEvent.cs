namespace OrleansAI.Grains.Interfaces.Audit;

/// <summary>
/// One access to something the audit log watches: who did what to which resource, from where, and
/// whether it was allowed. The log stamps the time.
/// </summary>
/// <param name="Actor">Who: a client id, <c>provider:0x…</c>, or <see cref="AuditActors.Platform"/>.</param>
/// <param name="Action">What: one of <see cref="AuditActions"/>.</param>
/// <param name="Resource">Which: an <c>AccessResource</c> key, <c>result/SHA</c>, <c>key/ROLE</c>, ….</param>
/// <param name="Owner">Whose: the client the resource belongs to (who may read this entry), or <see cref="AuditActors.Platform"/>.</param>
/// <param name="Source">From where: the caller's IP address, or the platform host.</param>
/// <param name="Allowed">Whether the access was allowed.</param>
/// <param name="Detail">Why it was refused, or what was done (short).</param>
public sealed record AuditEvent(string Actor, string Action, string Resource, string Owner, string Source, bool Allowed, string? Detail = null);
