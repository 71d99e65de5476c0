namespace OrleansAI.Sdk.Audit;

/// <summary>
/// One entry of the audit log: <see cref="Count"/> identical accesses between <see cref="FirstUtc"/>
/// and <see cref="LastUtc"/> (inference calls from one caller fold into one entry per second).
/// </summary>
/// <param name="Id">Its position in the log; pass it as <c>before</c> for the next page.</param>
/// <param name="FirstUtc">The first access.</param>
/// <param name="LastUtc">The last access.</param>
/// <param name="Count">How many accesses.</param>
/// <param name="Actor">Who: a client id, <c>provider:0x…</c>, <c>platform</c> or <c>anonymous</c>.</param>
/// <param name="Action">What, e.g. <c>dataset.read</c>, <c>model.infer</c>, <c>grant.give</c>, <c>result.read</c>, <c>key.sign</c>.</param>
/// <param name="Resource">Which, e.g. <c>dataset/OWNER/SHA</c>, <c>model/OWNER/NAME/VERSION</c>, <c>result/SHA</c>, <c>key/ROLE</c>.</param>
/// <param name="Owner">Whose resource it is.</param>
/// <param name="Source">From where: the caller's address, or the platform host.</param>
/// <param name="Allowed">Whether it was allowed.</param>
/// <param name="Detail">Why it was refused, or what was done.</param>
public sealed record AuditEntry(long Id, DateTimeOffset FirstUtc, DateTimeOffset LastUtc, int Count, string Actor, string Action, string Resource, string Owner, string Source, bool Allowed, string? Detail);
