namespace OrleansAI.Settlement.Payouts;

/// <summary>
/// The chain side of <see cref="PayoutBatcher"/>: the escrow's paid record and the payment itself.
/// Implemented on the escrow by <see cref="EscrowPayoutSender"/>; a fake in unit tests.
/// </summary>
public interface IPayoutSender
{
    /// <summary>Whether the escrow already records the task as paid.</summary>
    Task<bool> IsPaidAsync(PayoutRequest payout, CancellationToken cancellationToken);

    /// <summary>Sends the payment and waits for a successful receipt; returns the transaction hash.</summary>
    /// <exception cref="SettlementException">The escrow rejected it (a decision: not retried).</exception>
    /// <remarks>Any other exception is treated as transport trouble, retried if <see cref="TransientFailures.IsTransient"/> says so.</remarks>
    Task<string> PayAsync(PayoutRequest payout, CancellationToken cancellationToken);
}
