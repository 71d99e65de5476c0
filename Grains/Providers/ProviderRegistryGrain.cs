namespace OrleansAI.Grains.Providers;

/// <summary>
/// The sampling index: see <see cref="IProviderRegistryGrain"/>. Memory only by design; providers
/// refresh their entries while online and stale entries expire, so nothing here can outlive reality
/// for long and a restart loses nothing that is not re-sent within a refresh period.
/// </summary>
public sealed class ProviderRegistryGrain(TimeProvider clock) : Grain, IProviderRegistryGrain
{
    /// <summary>Entries not refreshed for this long are dropped.</summary>
    public static readonly TimeSpan Expiry = ProviderGrain.ListingRefresh * 3;

    private readonly Dictionary<string, (ProviderListing Listing, DateTimeOffset Refreshed)> _entries = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task RegisterAsync(ProviderListing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        _entries[listing.Address] = (listing, clock.GetUtcNow());
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task UnregisterAsync(string address)
    {
        _entries.Remove(address);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> AvailableAsync(ProviderCriteria criteria) => Task.FromResult(Live(criteria).Count(l => l.IsEligible(clock.GetUtcNow())));

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> SampleAsync(ProviderCriteria criteria, int count, IReadOnlyList<string> exclude, int seed)
    {
        ArgumentNullException.ThrowIfNull(exclude);
        var excluded = exclude.ToHashSet(StringComparer.Ordinal);
        // Ordered before sampling so the same seed over the same entries picks the same providers.
        var now = clock.GetUtcNow();
        var candidates = Live(criteria).Where(l => !excluded.Contains(l.Address) && l.IsEligible(now)).OrderBy(l => l.Address, StringComparer.Ordinal).ToArray();
        // Weighted by reputation: a provider twice as reputable is twice as likely to be drawn first.
        var weights = candidates.Select(l => double.IsFinite(l.SamplingWeight) && l.SamplingWeight > 0 ? l.SamplingWeight : ReputationOptions.Default.SamplingFloor).ToArray();
        var picked = WeightedSampler.Sample(weights, Math.Max(0, count), new Random(seed));
        return Task.FromResult<IReadOnlyList<string>>([.. picked.Select(i => candidates[i].Address)]);
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, double>> WeightsAsync(IReadOnlyList<string> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        IReadOnlyDictionary<string, double> weights = addresses
            .Distinct(StringComparer.Ordinal)
            .Where(_entries.ContainsKey)
            .ToDictionary(a => a, a => _entries[a].Listing.SamplingWeight, StringComparer.Ordinal);
        return Task.FromResult(weights);
    }

    /// <inheritdoc />
    public Task<(IReadOnlyList<ProviderListing> Providers, int Total)> ListAsync(int skip, int take)
    {
        var live = Live(null).OrderBy(l => l.Address, StringComparer.Ordinal).ToList();
        IReadOnlyList<ProviderListing> page = [.. live.Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 0, 500))];
        return Task.FromResult((page, live.Count));
    }

    private IEnumerable<ProviderListing> Live(ProviderCriteria? criteria)
    {
        var cutoff = clock.GetUtcNow() - Expiry;
        foreach (var stale in _entries.Where(e => e.Value.Refreshed < cutoff).Select(e => e.Key).ToList())
        {
            _entries.Remove(stale);
        }

        return _entries.Values.Select(e => e.Listing).Where(l => criteria is null || criteria.Matches(l.Capabilities));
    }
}
