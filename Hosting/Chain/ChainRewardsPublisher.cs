using OrleansAI.Grains.Settlement;

namespace OrleansAI.Hosting.Chain;

/// <summary>
/// <see cref="IRewardsPublisher"/> on the Rewards contract from the platform's key (PLATFORM_ROLE).
/// A value outside the contract's bounds is refused for good; anything else that fails is left to
/// the caller's next batch.
/// </summary>
public sealed partial class ChainRewardsPublisher(RewardsService rewards, ILogger<ChainRewardsPublisher> logger) : IRewardsPublisher
{
    /// <inheritdoc />
    public async Task<bool> PublishAsync(string provider, int multiplierBps, CancellationToken cancellationToken)
    {
        try
        {
            var receipt = await rewards.SetReputationRequestAndWaitForReceiptAsync(provider, multiplierBps, cancellationToken);
            LogSet(provider, multiplierBps, receipt.TransactionHash);
            return true;
        }
        catch (SettlementException ex) when (ex.ErrorName is "MultiplierOutOfBounds" or "AccessControlUnauthorizedAccount")
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Set the staking-reward multiplier of {Provider} to {Bps} bps (tx {Transaction})")]
    private partial void LogSet(string provider, int bps, string transaction);
}
