using FsCheck.Xunit;

namespace OrleansAI.Federation.Tests.Strategies;

public sealed class FlTrustTests
{
    private static readonly float[] Current = [0f, 0f, 0f];

    [Property(MaxTest = 300)]
    public void TheNewModelIsTheTrustWeightedMeanOfUpdatesRescaledToTheRootLength(int seed)
    {
        var (current, updates) = RandomUpdates.Round(seed, minClients: 1, maxClients: 10, maxLength: 16);
        var random = new Random(seed);
        var root = RandomUpdates.Vector(random, current.Length, current);
        var strategy = new FlTrust { RootParameters = root };

        var outcome = strategy.AggregateFit(1, current, updates, []);

        // FLTrust written out: g0 = root − w, TS = max(0, cos(g, g0)), w' = w + Σ TS·(‖g0‖/‖g‖)·g / Σ TS.
        var g0 = root.Select((r, i) => (double)r - current[i]).ToArray();
        var rootNorm = Math.Sqrt(g0.Sum(x => x * x));
        var sum = new double[current.Length];
        double total = 0;
        foreach (var u in updates)
        {
            var g = u.Parameters.Select((p, i) => (double)p - current[i]).ToArray();
            var norm = Math.Sqrt(g.Sum(x => x * x));
            var cosine = norm == 0 || rootNorm == 0 ? 0 : g.Zip(g0, (a, b) => a * b).Sum() / (norm * rootNorm);
            var trust = Math.Max(0, cosine);
            if (trust <= 0)
            {
                continue;
            }

            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += trust * rootNorm / norm * g[i];
            }

            total += trust;
        }

        if (total == 0)
        {
            Assert.False(outcome.HasNewModel);
            return;
        }

        Close.Equal([.. current.Select((c, i) => c + sum[i] / total)], outcome.Parameters!, 1e-4);
    }

    [Fact]
    public void AnUpdateAgainstTheRootIsRejectedAndAScaledOneCannotOutgrowIt()
    {
        var strategy = new FlTrust { RootParameters = [1f, 0f, 0f] };
        ClientUpdate[] updates = [new("honest", [1f, 0.1f, 0f], 10), new("flipped", [-1f, 0f, 0f], 10), new("scaled", [100f, 10f, 0f], 10)];

        var outcome = strategy.AggregateFit(1, Current, updates, []);

        Assert.Contains(outcome.Rejected, r => r.ClientId == "flipped");
        Assert.Equal(["honest", "scaled"], outcome.Used);
        // Both surviving updates are rescaled to the root's length 1: the model moves by at most 1.
        var length = Math.Sqrt(outcome.Parameters!.Sum(p => (double)p * p));
        Assert.InRange(length, 0.9, 1.0 + 1e-6);
    }

    [Fact]
    public void WithoutARootUpdateTheModelIsKept()
    {
        var outcome = new FlTrust().AggregateFit(1, Current, [new("a", [1f, 1f, 1f], 10)], []);

        Assert.False(outcome.HasNewModel);
        Assert.Contains("root update", outcome.KeptBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyAnUpdateClearlyAgainstTheRootAndTheOthersIsAnOutlier()
    {
        float[] root = [1f, 0f, 0f];
        // Honest updates late in training: small, scattered around the root direction, one slightly against it.
        ClientUpdate[] updates =
        [
            new("h1", [0.2f, 0.9f, 0f], 1), new("h2", [0.1f, -0.9f, 0.3f], 1), new("h3", [-0.05f, 0.5f, 0.8f], 1),
            new("h4", [0.3f, 0.1f, -0.9f], 1), new("flip", [-1f, 0.1f, 0f], 1),
        ];

        var outliers = FlTrust.Outliers(Current, root, updates);

        Assert.Equal("flip", Assert.Single(outliers).ClientId);
        Assert.True(FlTrust.Cosine(Current, root, updates[2].Parameters) < 0);
    }

    [Fact]
    public void WhenEveryUpdateIsNoiseNothingStandsOut()
    {
        float[] root = [1f, 0f, 0f];
        ClientUpdate[] updates = [new("a", [-0.01f, 1f, 0f], 1), new("b", [0.01f, 0f, 1f], 1), new("c", [-0.02f, -1f, 0f], 1)];

        Assert.Empty(FlTrust.Outliers(Current, root, updates));
    }
}
