using System.Numerics;

namespace OrleansAI.Settlement.Indexing;

/// <summary>A provider's stake as mirrored from Staking's events.</summary>
/// <param name="Active">Bonded stake (counts for bidding and rewards).</param>
/// <param name="Unbonding">Stake waiting out its cooldown (still slashable).</param>
/// <param name="ReleaseAt">Unix time from which <paramref name="Unbonding"/> can be withdrawn (0 when none).</param>
/// <param name="Slashed">Total slashed from the provider, less what upheld disputes restored (pending slashes count).</param>
public sealed record ProviderStake(BigInteger Active, BigInteger Unbonding, BigInteger ReleaseAt, BigInteger Slashed)
{
    /// <summary>A provider the mirror has seen no event for.</summary>
    public static ProviderStake None { get; } = new(BigInteger.Zero, BigInteger.Zero, BigInteger.Zero, BigInteger.Zero);
}
