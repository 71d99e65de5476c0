namespace OrleansAI.Settlement.Payouts;

/// <summary>Retry and concurrency settings of a <see cref="PayoutBatcher"/>.</summary>
public sealed class PayoutBatcherOptions
{
    /// <summary>Attempts per payout per flush before it is deferred to the next flush.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>Wait before the second attempt; doubles each time up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest wait between attempts.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Payouts in flight at once. The contract has no batch call, so a batch is this many transactions
    /// from one signer with consecutive nonces, mined together and waited on together.
    /// </summary>
    public int MaxConcurrency { get; init; } = 8;
}
