using OrleansAI.Grains.Interfaces.Audit;

namespace OrleansAI.Hosting.Audit;

/// <summary>
/// One row of the audit log: <see cref="Count"/> identical events (same actor, action, resource,
/// owner, source, outcome and detail) between <see cref="FirstUtc"/> and <see cref="LastUtc"/>.
/// </summary>
/// <param name="Id">Its position in the log (0 before it is stored).</param>
/// <param name="FirstUtc">When the first of them happened.</param>
/// <param name="LastUtc">When the last of them happened.</param>
/// <param name="Count">How many there were.</param>
/// <param name="Event">What happened.</param>
public sealed record AuditRecord(long Id, DateTimeOffset FirstUtc, DateTimeOffset LastUtc, int Count, AuditEvent Event);
