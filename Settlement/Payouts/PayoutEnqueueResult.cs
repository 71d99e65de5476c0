namespace OrleansAI.Settlement.Payouts;

/// <summary>What <see cref="PayoutBatcher.Enqueue"/> did with a payout.</summary>
public enum PayoutEnqueueResult
{
    /// <summary>Queued for the next flush.</summary>
    Queued,

    /// <summary>The same task is already queued with the same provider and amount; nothing changed.</summary>
    AlreadyQueued,

    /// <summary>This batcher already saw the task paid; nothing will be sent.</summary>
    AlreadySettled,

    /// <summary>
    /// The same task is queued with a different provider or amount. The first one stays; a task paying
    /// two ways is a bug upstream that must not be settled by whichever arrives first.
    /// </summary>
    Conflict,
}
