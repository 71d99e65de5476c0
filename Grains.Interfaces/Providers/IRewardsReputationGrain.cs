namespace OrleansAI.Grains.Interfaces.Providers;

/// <summary>
/// Keeps the staking-reward multipliers on chain in step with providers' reputation (one per
/// cluster, key 0). Providers report their multiplier when it moves; the grain sends only changes
/// of at least <see cref="MinChangeBps"/> and sends them in batches on a timer, so reputation churn
/// never turns into a transaction per heartbeat.
/// </summary>
public interface IRewardsReputationGrain : IGrainWithIntegerKey
{
    /// <summary>Smallest change of a multiplier worth a transaction, in basis points.</summary>
    const int MinChangeBps = 100;

    /// <summary>Records <paramref name="provider"/>'s current multiplier; it is sent with the next batch if it moved enough.</summary>
    [OneWay]
    Task NoteAsync(string provider, int multiplierBps);

    /// <summary>Sends what is waiting now and returns how many multipliers were set on chain.</summary>
    Task<int> FlushAsync();

    /// <summary>The multipliers last set on chain, by provider.</summary>
    Task<IReadOnlyDictionary<string, int>> PublishedAsync();
}
