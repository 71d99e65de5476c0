namespace OrleansAI.Settlement.Payouts;

/// <summary><see cref="IPayoutSender"/> on a JobEscrow, through a signer holding PLATFORM_ROLE.</summary>
public sealed class EscrowPayoutSender : IPayoutSender
{
    private readonly JobEscrowService _escrow;

    /// <summary>Pays through <paramref name="escrow"/> (its signer must hold PLATFORM_ROLE).</summary>
    public EscrowPayoutSender(JobEscrowService escrow)
    {
        ArgumentNullException.ThrowIfNull(escrow);
        _escrow = escrow;
    }

    /// <inheritdoc />
    public Task<bool> IsPaidAsync(PayoutRequest payout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payout);
        return _escrow.TaskPaidQueryAsync(payout.JobId, payout.TaskId).WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<string> PayAsync(PayoutRequest payout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payout);
        var receipt = await _escrow.ReleasePaymentRequestAndWaitForReceiptAsync(
            payout.JobId, payout.TaskId, payout.Provider, payout.Amount, cancellationToken).ConfigureAwait(false);
        return receipt.TransactionHash;
    }
}
