using System.Numerics;
using OrleansAI.Grains.Interfaces.Verification;
using OrleansAI.Grains.Verification;

namespace OrleansAI.Hosting.Chain;

/// <summary>
/// <see cref="ISlasher"/> on the Staking contract from the slasher's own key (SLASHER_ROLE): takes a
/// share of the provider's slashable stake, never more than the contract allows now (per slash and
/// what is left of the provider's period cap), citing the evidence hash, which the contract accepts
/// once — so a retried attempt cannot slash twice. Rulings go through <paramref name="arbiter"/>, a
/// separate key (ARBITER_ROLE), when the silo has one; otherwise they are made on chain by the
/// arbiter (Governance), and a dispute left unruled past its deadline is restored here by anyone's
/// right (<c>resolveSlashDisputeByTimeout</c>).
/// </summary>
public sealed partial class ChainSlasher(StakingService staking, StakingService? arbiter, int shareBps, ILogger<ChainSlasher> logger) : ISlasher
{
    /// <inheritdoc />
    public async Task<SlashOutcome> SlashAsync(string provider, string evidenceHash, CancellationToken cancellationToken)
    {
        var slashable = await staking.SlashableOfQueryAsync(provider).WaitAsync(cancellationToken);
        var limit = await staking.MaxSlashOfQueryAsync(provider).WaitAsync(cancellationToken);
        var amount = BigInteger.Min(slashable * shareBps / 10_000, limit);
        if (amount <= 0)
        {
            return new SlashOutcome(FraudCaseStatus.NothingToSlash, "the provider has no slashable stake");
        }

        try
        {
            var receipt = await staking.SlashRequestAndWaitForReceiptAsync(provider, amount, Bytes32.Parse(evidenceHash), null, cancellationToken);
            LogSlashed(provider, amount, evidenceHash, receipt.TransactionHash);
            return new SlashOutcome(FraudCaseStatus.Slashed, receipt.TransactionHash, amount.ToString(CultureInfo.InvariantCulture));
        }
        catch (SettlementException ex) when (ex.ErrorName == "EvidenceAlreadyUsed")
        {
            // An earlier attempt went through and its answer was lost: that slash is this one.
            return new SlashOutcome(FraudCaseStatus.Slashed, "the chain had already taken this evidence");
        }
        catch (SettlementException ex) when (ex.ErrorName is "ZeroAmount" or "SlashExceedsLimit" or "SlashExceedsPeriodCap" or "DestinationNotAllowed" or "AccessControlUnauthorizedAccount")
        {
            return new SlashOutcome(FraudCaseStatus.Failed, $"{ex.ErrorName}: {ex.Message}");
        }
    }

    /// <inheritdoc />
    public async Task<(FraudCaseStatus Status, DateTimeOffset DisputeUntil)> StateAsync(string evidenceHash, CancellationToken cancellationToken)
    {
        var slash = await staking.PendingSlashQueryAsync(Bytes32.Parse(evidenceHash)).WaitAsync(cancellationToken);
        var status = slash.SlashStatus switch
        {
            Settlement.Contracts.Staking.SlashStatus.Pending => FraudCaseStatus.Slashed,
            Settlement.Contracts.Staking.SlashStatus.Disputed => FraudCaseStatus.Disputed,
            Settlement.Contracts.Staking.SlashStatus.Restored => FraudCaseStatus.Restored,
            Settlement.Contracts.Staking.SlashStatus.Finalized => FraudCaseStatus.Finalized,
            _ => FraudCaseStatus.Recorded,
        };
        return (status, DateTimeOffset.FromUnixTimeSeconds((long)slash.DisputeUntil));
    }

    /// <inheritdoc />
    public async Task<FraudCaseStatus> FinalizeAsync(string evidenceHash, CancellationToken cancellationToken)
    {
        try
        {
            await staking.FinalizeSlashRequestAndWaitForReceiptAsync(Bytes32.Parse(evidenceHash), cancellationToken);
            return FraudCaseStatus.Finalized;
        }
        catch (SettlementException ex) when (ex.ErrorName is "SlashDisputeWindowOpen" or "SlashNotPending")
        {
            // Not yet due, or disputed or settled meanwhile: the chain's own state says which.
            return (await StateAsync(evidenceHash, cancellationToken)).Status;
        }
    }

    /// <inheritdoc />
    public async Task<FraudCaseStatus> ResolveDisputeAsync(string evidenceHash, bool upheld, CancellationToken cancellationToken)
    {
        var hash = Bytes32.Parse(evidenceHash);
        if (arbiter is null)
        {
            // The slasher's key must never rule on its own slashes: without an arbiter key the ruling is made on chain.
            LogNoArbiter(evidenceHash);
            return (await StateAsync(evidenceHash, cancellationToken)).Status;
        }

        try
        {
            var receipt = await arbiter.ResolveSlashDisputeRequestAndWaitForReceiptAsync(hash, upheld, cancellationToken);
            LogResolved(evidenceHash, upheld, receipt.TransactionHash);
        }
        catch (SettlementException ex) when (ex.ErrorName == "SlashNotDisputed")
        {
            // Decided meanwhile, or never disputed: the chain's own state says which.
        }
        catch (SettlementException ex) when (ex.ErrorName == "SlashRulingTimedOut")
        {
            // Too late to rule: the provider wins by the contract's timeout, which anyone may apply.
            await staking.ResolveSlashDisputeByTimeoutRequestAndWaitForReceiptAsync(hash, cancellationToken);
        }

        return (await StateAsync(evidenceHash, cancellationToken)).Status;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispute of slash {EvidenceHash} not ruled here: this silo has no arbiter key (Chain:ArbiterKey); the arbiter rules on chain, or the slash is restored after its ruling timeout")]
    private partial void LogNoArbiter(string evidenceHash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispute of slash {EvidenceHash} decided: upheld {Upheld} (tx {Transaction})")]
    private partial void LogResolved(string evidenceHash, bool upheld, string transaction);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slashed {Provider} by {Amount} wei citing evidence {EvidenceHash} (tx {Transaction})")]
    private partial void LogSlashed(string provider, BigInteger amount, string evidenceHash, string transaction);
}
