using OrleansAI.Hosting.Audit;
using OrleansAI.Sdk.Audit;

namespace OrleansAI.Api.Wire;

/// <summary>Audit records as the API shows them.</summary>
public static class AuditWire
{
    /// <summary>The wire view of an audit record.</summary>
    public static AuditEntry View(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var e = record.Event;
        return new AuditEntry(record.Id, record.FirstUtc, record.LastUtc, record.Count, e.Actor, e.Action, e.Resource, e.Owner, e.Source, e.Allowed, e.Detail);
    }
}
