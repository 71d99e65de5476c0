using OrleansAI.Grains.Jobs;

namespace OrleansAI.Silo.Tests;

public sealed class IdempotencyKeysTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AKeyStandsForItsFirstJobAndTellsWhetherALaterRequestIsTheSame()
    {
        var keys = new Dictionary<string, IdempotentSubmission>();

        var (first, firstChanged) = IdempotencyKeys.Claim(keys, "k", "hash-a", "job-1", Start);
        var (again, againChanged) = IdempotencyKeys.Claim(keys, "k", "hash-a", "job-2", Start.AddMinutes(5));
        var (other, _) = IdempotencyKeys.Claim(keys, "k", "hash-b", "job-3", Start.AddMinutes(6));

        Assert.Equal(("job-1", true, true), (first.JobId, first.Matches, first.IsNew));
        Assert.True(firstChanged);
        Assert.Equal(("job-1", true, false), (again.JobId, again.Matches, again.IsNew));
        Assert.False(againChanged);
        Assert.Equal(("job-1", false, false), (other.JobId, other.Matches, other.IsNew));
        Assert.Single(keys);
    }

    [Fact]
    public void AKeyIsForgottenAfterItsLifetimeAndMayBeUsedAgain()
    {
        var keys = new Dictionary<string, IdempotentSubmission>();
        IdempotencyKeys.Claim(keys, "k", "hash-a", "job-1", Start);

        var (justBefore, _) = IdempotencyKeys.Claim(keys, "k", "hash-b", "job-2", Start + IdempotencyKeys.Lifetime - TimeSpan.FromSeconds(1));
        var (after, changed) = IdempotencyKeys.Claim(keys, "k", "hash-b", "job-3", Start + IdempotencyKeys.Lifetime);

        Assert.Equal("job-1", justBefore.JobId);
        Assert.False(justBefore.Matches);
        Assert.Equal(("job-3", true, true), (after.JobId, after.Matches, after.IsNew));
        Assert.True(changed);
    }

    [Fact]
    public void AtMostMaxKeysAreKeptAndTheOldestGoFirst()
    {
        var keys = new Dictionary<string, IdempotentSubmission>();
        for (var i = 0; i < IdempotencyKeys.MaxKeys; i++)
        {
            IdempotencyKeys.Claim(keys, $"k{i}", "h", $"job-{i}", Start.AddSeconds(i));
        }

        IdempotencyKeys.Claim(keys, "newest", "h", "job-new", Start.AddSeconds(IdempotencyKeys.MaxKeys));

        Assert.Equal(IdempotencyKeys.MaxKeys, keys.Count);
        Assert.False(keys.ContainsKey("k0"));
        Assert.True(keys.ContainsKey("k1"));
        Assert.True(keys.ContainsKey("newest"));
    }
}
