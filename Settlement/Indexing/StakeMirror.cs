using System.Numerics;

namespace OrleansAI.Settlement.Indexing;

/// <summary>
/// Stakes per provider, rebuilt from <c>Staked</c>, <c>UnbondingRequested</c>, <c>Withdrawn</c>,
/// <c>Slashed</c> and <c>SlashRestored</c>: what the provider registry reads instead of a call per
/// provider.
/// </summary>
/// <remarks>
/// <para>
/// Events are applied as deltas (amounts added or taken), which commute, so the result does not
/// depend on the order logs arrive in (a receipt's logs may be applied before the poller reaches
/// their block). The one absolute value, the release time, keeps the value of the latest event by
/// chain position.
/// </para>
/// <para>
/// A slash takes stake at once, whether or not it is later disputed; an upheld dispute
/// (<c>SlashRestored</c>) gives back what that slash took, active and unbonding parts separately.
/// <c>SlashRestored</c> carries only the total, so the parts come from the slash's own
/// <c>Slashed</c> event, matched by evidence hash; a restore seen before its slash (a receipt fed
/// ahead of the poll) waits for it, which keeps the result independent of arrival order. A restored
/// slash gives the stake back without moving the release time, as Staking does.
/// </para>
/// </remarks>
public sealed class StakeMirror
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _providers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<Bytes32, SlashRecord> _slashes = [];

    /// <summary>The mirrored stake of a provider (<see cref="ProviderStake.None"/> if never seen).</summary>
    public ProviderStake Get(string provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        lock (_gate)
        {
            return _providers.TryGetValue(provider, out var entry) ? entry.ToRecord() : ProviderStake.None;
        }
    }

    /// <summary>Every provider seen, keyed by lower-case address.</summary>
    public IReadOnlyDictionary<string, ProviderStake> Snapshot()
    {
        lock (_gate)
        {
            return _providers.ToDictionary(pair => pair.Key, pair => pair.Value.ToRecord(), StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>Sum of active stakes (Staking's <c>totalStaked</c>).</summary>
    public BigInteger TotalActive
    {
        get
        {
            lock (_gate)
            {
                return _providers.Values.Aggregate(BigInteger.Zero, (sum, entry) => sum + entry.Active);
            }
        }
    }

    internal void Staked(string provider, BigInteger amount)
    {
        lock (_gate)
        {
            EntryOf(provider).Active += amount;
        }
    }

    internal void UnbondingRequested(string provider, BigInteger amount, BigInteger releaseAt, LogKey key)
    {
        lock (_gate)
        {
            var entry = EntryOf(provider);
            entry.Active -= amount;
            entry.Unbonding += amount;
            entry.SetReleaseAt(releaseAt, key);
        }
    }

    internal void Withdrawn(string provider, BigInteger amount, LogKey key)
    {
        lock (_gate)
        {
            var entry = EntryOf(provider);
            entry.Unbonding -= amount;
            entry.SetReleaseAt(BigInteger.Zero, key);
        }
    }

    internal void Slashed(string provider, Bytes32 evidenceHash, BigInteger fromActive, BigInteger fromUnbonding)
    {
        lock (_gate)
        {
            var entry = EntryOf(provider);
            entry.Active -= fromActive;
            entry.Unbonding -= fromUnbonding;
            entry.Slashed += fromActive + fromUnbonding;
            var slash = SlashOf(evidenceHash);
            slash.Taken = (provider, fromActive, fromUnbonding);
            ApplyRestoreWhenComplete(slash);
        }
    }

    internal void SlashRestored(Bytes32 evidenceHash)
    {
        lock (_gate)
        {
            var slash = SlashOf(evidenceHash);
            slash.RestoreSeen = true;
            ApplyRestoreWhenComplete(slash);
        }
    }

    private void ApplyRestoreWhenComplete(SlashRecord slash)
    {
        if (!slash.RestoreSeen || slash.RestoreApplied || slash.Taken is not { } taken)
        {
            return;
        }

        var entry = EntryOf(taken.Provider);
        entry.Active += taken.FromActive;
        entry.Unbonding += taken.FromUnbonding;
        entry.Slashed -= taken.FromActive + taken.FromUnbonding;
        slash.RestoreApplied = true;
    }

    private SlashRecord SlashOf(Bytes32 evidenceHash)
    {
        if (!_slashes.TryGetValue(evidenceHash, out var slash))
        {
            slash = new SlashRecord();
            _slashes.Add(evidenceHash, slash);
        }

        return slash;
    }

    private Entry EntryOf(string provider)
    {
        var key = EthAddresses.Normalise(provider);
        if (!_providers.TryGetValue(key, out var entry))
        {
            entry = new Entry();
            _providers.Add(key, entry);
        }

        return entry;
    }

    private sealed class SlashRecord
    {
        /// <summary>What the slash took, once its <c>Slashed</c> event has been applied.</summary>
        public (string Provider, BigInteger FromActive, BigInteger FromUnbonding)? Taken { get; set; }

        public bool RestoreSeen { get; set; }

        public bool RestoreApplied { get; set; }
    }

    private sealed class Entry
    {
        private LogKey? _releaseAtKey;

        public BigInteger Active { get; set; }

        public BigInteger Unbonding { get; set; }

        public BigInteger ReleaseAt { get; private set; }

        public BigInteger Slashed { get; set; }

        public void SetReleaseAt(BigInteger releaseAt, LogKey key)
        {
            if (_releaseAtKey is null || key > _releaseAtKey.Value)
            {
                ReleaseAt = releaseAt;
                _releaseAtKey = key;
            }
        }

        public ProviderStake ToRecord() => new(Active, Unbonding, ReleaseAt, Slashed);
    }
}
