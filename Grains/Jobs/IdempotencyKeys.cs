namespace OrleansAI.Grains.Jobs;

/// <summary>
/// The rules of a client's idempotency keys, apart from the grain that stores them: a key stands
/// for the job its first request created for <see cref="Lifetime"/>; at most <see cref="MaxKeys"/>
/// are kept (the oldest go first), so a client cannot grow its record without bound.
/// </summary>
public static class IdempotencyKeys
{
    /// <summary>How long a key is remembered.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>Most keys one client keeps.</summary>
    public const int MaxKeys = 1_000;

    /// <summary>Claims <paramref name="key"/> in <paramref name="keys"/>; returns the claim and whether <paramref name="keys"/> changed.</summary>
    public static (IdempotentClaim Claim, bool Changed) Claim(
        Dictionary<string, IdempotentSubmission> keys, string key, string fingerprint, string proposedJobId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var changed = keys.Count > 0 && Prune(keys, now);
        if (keys.TryGetValue(key, out var known))
        {
            return (new IdempotentClaim(known.JobId, known.Fingerprint == fingerprint, IsNew: false), changed);
        }

        if (keys.Count >= MaxKeys)
        {
            keys.Remove(keys.MinBy(k => k.Value.AtUtc).Key);
        }

        keys[key] = new IdempotentSubmission(proposedJobId, fingerprint, now);
        return (new IdempotentClaim(proposedJobId, Matches: true, IsNew: true), true);
    }

    private static bool Prune(Dictionary<string, IdempotentSubmission> keys, DateTimeOffset now)
    {
        var expired = keys.Where(k => now - k.Value.AtUtc >= Lifetime).Select(k => k.Key).ToList();
        foreach (var key in expired)
        {
            keys.Remove(key);
        }

        return expired.Count > 0;
    }
}
