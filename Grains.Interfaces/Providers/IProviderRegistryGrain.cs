namespace OrleansAI.Grains.Interfaces.Providers;

/// <summary>
/// The index of online providers that rounds sample from (Flower's ClientManager), keyed by shard.
/// Soft state: providers refresh their entries while online and entries that stop being refreshed
/// expire, so it rebuilds itself after any restart.
/// </summary>
[Alias("OrleansAI.IProviderRegistryGrain")]
public interface IProviderRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Adds or refreshes an entry.</summary>
    [Alias("Register")]
    Task RegisterAsync(ProviderListing listing);

    /// <summary>Removes an entry.</summary>
    [Alias("Unregister")]
    Task UnregisterAsync(string address);

    /// <summary>How many listed providers match.</summary>
    [Alias("Available")]
    Task<int> AvailableAsync(ProviderCriteria criteria);

    /// <summary>Up to <paramref name="count"/> matching providers chosen at random (seeded), never one in <paramref name="exclude"/>.</summary>
    [Alias("Sample")]
    Task<IReadOnlyList<string>> SampleAsync(ProviderCriteria criteria, int count, IReadOnlyList<string> exclude, int seed);

    /// <summary>The reputation (sampling weight) of each listed provider among <paramref name="addresses"/>; unlisted ones are left out.</summary>
    [Alias("Weights")]
    Task<IReadOnlyDictionary<string, double>> WeightsAsync(IReadOnlyList<string> addresses);

    /// <summary>One page of listed providers by address, and the total.</summary>
    [Alias("List")]
    Task<(IReadOnlyList<ProviderListing> Providers, int Total)> ListAsync(int skip, int take);
}
