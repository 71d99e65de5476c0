namespace OrleansAI.Grains.Settlement;

/// <summary>
/// Where providers' reputation reaches their staking rewards: the Rewards contract's per-provider
/// multiplier, set by the platform.
/// </summary>
public interface IRewardsPublisher
{
    /// <summary>
    /// Sets <paramref name="provider"/>'s reward multiplier to <paramref name="multiplierBps"/>
    /// (10,000 = 1×). False when the chain refuses the value for good (out of its bounds); throws
    /// when it could not be asked, so the caller tries again later.
    /// </summary>
    Task<bool> PublishAsync(string provider, int multiplierBps, CancellationToken cancellationToken);
}
