namespace OrleansAI.Settlement;

/// <summary>How a <see cref="SettlementSigner"/> sends transactions and waits for them.</summary>
public sealed class SettlementSignerOptions
{
    /// <summary>
    /// How often to poll for a receipt. Anvil mines on arrival, so the default is short; on a chain
    /// with 2–12 s blocks a second is plenty.
    /// </summary>
    public TimeSpan ReceiptPollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long to wait for a receipt before giving up with a <see cref="TimeoutException"/>. The
    /// transaction may still be mined later: callers that retry must check on-chain state first
    /// (as <see cref="Payouts.PayoutBatcher"/> does).
    /// </summary>
    public TimeSpan ReceiptTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Extra gas over the estimate, in percent (see <see cref="MinimumGasHeadroom"/>).
    /// </summary>
    public int GasHeadroomPercent { get; init; } = 25;

    /// <summary>
    /// The least extra gas over the estimate. The estimate is exact only for the state and block it
    /// ran on: a first write to a storage slot costs about 20,000 gas more than an update, and which
    /// one a transaction does can change by the time it is mined — OAI's vote checkpoints are keyed
    /// by block timestamp, so a transfer estimated in one second and mined in the next writes a new
    /// slot. Unused gas is not charged, so a generous limit costs nothing.
    /// </summary>
    public long MinimumGasHeadroom { get; init; } = 50_000;

    /// <summary>
    /// Told of every transaction the key signed, just before it is sent: each use of the key is an
    /// access to key material the audit log records.
    /// </summary>
    public Action<SignedTransaction>? OnSigned { get; init; }
}
