using System.Numerics;

namespace OrleansAI.Settlement.Payouts;

/// <summary>One task payment to release from a job's escrow.</summary>
/// <param name="JobId">The on-chain job id.</param>
/// <param name="TaskId">The on-chain task id: the idempotency key (the escrow pays each task of a job once).</param>
/// <param name="Provider">The provider credited.</param>
/// <param name="Amount">Gross amount in the job's token, platform fee included.</param>
public sealed record PayoutRequest(Bytes32 JobId, Bytes32 TaskId, string Provider, BigInteger Amount)
{
    /// <summary>The idempotency key: (job, task).</summary>
    public (Bytes32 JobId, Bytes32 TaskId) Key => (JobId, TaskId);

    /// <summary>True when both requests pay the same provider the same amount.</summary>
    public bool SamePaymentAs(PayoutRequest other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Amount == other.Amount && string.Equals(Provider, other.Provider, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Throws when the escrow would reject the request for its shape alone.</summary>
    /// <exception cref="ArgumentException">Zero ids, a malformed or zero provider, or a non-positive amount.</exception>
    public void Validate()
    {
        if (JobId.IsZero || TaskId.IsZero)
        {
            throw new ArgumentException("Job and task ids must be non-zero.");
        }

        if (!EthAddresses.IsValid(Provider) || EthAddresses.Normalise(Provider) == EthAddresses.Zero)
        {
            throw new ArgumentException($"'{Provider}' is not a provider address.");
        }

        if (Amount <= 0)
        {
            throw new ArgumentException($"The amount must be positive (got {Amount}).");
        }
    }

    /// <summary>Short form for logs.</summary>
    public override string ToString() => $"job {JobId.ToShortString()} task {TaskId.ToShortString()} -> {Provider} {Amount}";
}
