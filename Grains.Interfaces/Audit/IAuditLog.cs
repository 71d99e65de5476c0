namespace OrleansAI.Grains.Interfaces.Audit;

/// <summary>
/// Where accesses are recorded. Recording never blocks and never fails the access it records: the
/// log buffers, groups identical events within a short window, and writes them in the background.
/// </summary>
public interface IAuditLog
{
    /// <summary>Records one access.</summary>
    void Record(AuditEvent entry);
}
