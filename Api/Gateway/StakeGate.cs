using System.Collections.Concurrent;
using System.Numerics;
using OrleansAI.Settlement.Staking;

namespace OrleansAI.Api.Gateway;

/// <summary>
/// Admission to the network: a provider's stream is only accepted while its on-chain stake meets the
/// Staking contract's minimum. The chain mirror answers most sign-ins from memory (its stake against
/// the minimum, which is re-read once a minute); positive answers from the chain are remembered
/// briefly so a reconnect storm does not become a storm of chain reads; a refusal is always checked
/// against the chain itself (the provider may have staked after the mirror's last poll).
/// </summary>
public sealed class StakeGate(StakeRequirement requirement, TimeProvider clock, ChainMirror? mirror = null)
{
    /// <summary>How long a confirmed stake is trusted without asking the chain again.</summary>
    public static readonly TimeSpan Remember = TimeSpan.FromMinutes(1);

    private static readonly BigInteger Wei = BigInteger.Pow(10, 18);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _confirmed = new(StringComparer.Ordinal);
    // A reference swapped whole, so concurrent sign-ins never read half of an update.
    private Tuple<BigInteger, DateTimeOffset>? _minimum;

    /// <summary>Why <paramref name="address"/> may not join, or null when it may.</summary>
    public async Task<string?> RefusalAsync(string address)
    {
        if (_confirmed.TryGetValue(address, out var until) && until > clock.GetUtcNow())
        {
            return null;
        }

        if (mirror is { Synced: true } && mirror.Indexer.Stakes.Get(address).Active >= await MinimumAsync())
        {
            return null;
        }

        // The common answer costs one read; stake and minimum are only read to explain a refusal.
        if (await requirement.IsStakedAsync(address))
        {
            _confirmed[address] = clock.GetUtcNow() + Remember;
            return null;
        }

        _confirmed.TryRemove(address, out _);
        var (stake, minimum) = await requirement.StakeAndMinimumAsync(address);
        return $"an active stake of at least {minimum / Wei} OAI on the Staking contract {requirement.StakingAddress} is required; {address} has {stake / Wei} OAI";
    }

    /// <summary>
    /// Why a provider already signed in may no longer stay, judged by the chain mirror alone (no call
    /// per provider): its active stake is below the minimum after an unbond or a slash. Null when it
    /// may stay or the mirror is not in sync (then nobody is turned away on stale data).
    /// </summary>
    public async Task<string?> MirroredRefusalAsync(string address)
    {
        if (mirror is not { Synced: true })
        {
            return null;
        }

        var minimum = await MinimumAsync();
        var active = mirror.Indexer.Stakes.Get(address).Active;
        if (active >= minimum)
        {
            return null;
        }

        _confirmed.TryRemove(address, out _);
        return $"the provider's active stake ({active / Wei} OAI) fell below the minimum of {minimum / Wei} OAI";
    }

    private async Task<BigInteger> MinimumAsync()
    {
        if (Volatile.Read(ref _minimum) is { } cached && cached.Item2 > clock.GetUtcNow())
        {
            return cached.Item1;
        }

        var minimum = await requirement.MinimumAsync();
        Volatile.Write(ref _minimum, Tuple.Create(minimum, clock.GetUtcNow() + Remember));
        return minimum;
    }
}
