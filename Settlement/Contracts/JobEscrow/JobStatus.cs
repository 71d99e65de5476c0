namespace OrleansAI.Settlement.Contracts.JobEscrow;

/// <summary><c>JobEscrow.Status</c>: None → Open → (Completed →) Closed, or Open → Cancelled.</summary>
public enum JobStatus
{
    /// <summary>No job with this id.</summary>
    None = 0,

    /// <summary>Funded; payments may be released.</summary>
    Open = 1,

    /// <summary>Marked complete; the dispute window is running; no more payments.</summary>
    Completed = 2,

    /// <summary>Remainder returned to the client.</summary>
    Closed = 3,

    /// <summary>Cancelled by the client before any payment.</summary>
    Cancelled = 4,
}
