namespace OrleansAI.Settlement.Payouts;

/// <summary>What became of one payout in a flush.</summary>
public enum PayoutStatus
{
    /// <summary>This flush sent the payment and its receipt succeeded.</summary>
    Paid,

    /// <summary>
    /// The escrow already records the task as paid (by an earlier flush, an earlier process, or an
    /// attempt whose answer was lost); nothing more was sent, or a repeat was rejected by the escrow.
    /// </summary>
    AlreadyPaid,

    /// <summary>The escrow rejected the payment (e.g. <c>InsufficientEscrow</c>, <c>InvalidStatus</c>); it left the queue.</summary>
    Failed,

    /// <summary>Transient failures used every attempt; the payout stays queued for the next flush.</summary>
    Deferred,
}
