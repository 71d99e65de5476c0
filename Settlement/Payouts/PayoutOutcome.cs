namespace OrleansAI.Settlement.Payouts;

/// <summary>The outcome of one payout in a flush.</summary>
/// <param name="Request">The payout.</param>
/// <param name="Status">What happened.</param>
/// <param name="TransactionHash">The payment's transaction for <see cref="PayoutStatus.Paid"/>; the reverted one when the escrow rejected a mined transaction.</param>
/// <param name="ErrorName">The escrow's custom error for <see cref="PayoutStatus.Failed"/> (and for a rejected repeat).</param>
/// <param name="Detail">Human text: the revert or the last transient error.</param>
/// <param name="Attempts">How many times the payout was tried in this flush.</param>
public sealed record PayoutOutcome(
    PayoutRequest Request,
    PayoutStatus Status,
    string? TransactionHash,
    string? ErrorName,
    string? Detail,
    int Attempts);
