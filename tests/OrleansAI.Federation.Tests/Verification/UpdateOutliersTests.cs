using FsCheck;
using FsCheck.Xunit;

namespace OrleansAI.Federation.Tests.Verification;

public sealed class UpdateOutliersTests
{
    private const int Length = 400;

    // Honest clients: the same true direction plus their own data's noise, of similar length.
    private static (float[] Global, List<ClientUpdate> Updates) Round(int clients, int seed, double noise = 0.5)
    {
        var random = new Random(seed);
        var global = Enumerable.Range(0, Length).Select(_ => (float)random.NextDouble()).ToArray();
        var direction = Enumerable.Range(0, Length).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var updates = new List<ClientUpdate>();
        for (var c = 0; c < clients; c++)
        {
            var scale = 0.01 * (0.7 + 0.6 * random.NextDouble());
            var parameters = global.Select((g, i) => (float)(g + scale * (direction[i] + noise * (random.NextDouble() * 2 - 1)))).ToArray();
            updates.Add(new ClientUpdate($"c{c}", parameters, 100));
        }

        return (global, updates);
    }

    private static List<ClientUpdate> Replace(List<ClientUpdate> updates, int index, Func<float[], float[]> attack) =>
        [.. updates.Select((u, i) => i == index ? u with { Parameters = attack(u.Parameters) } : u)];

    [Fact]
    public void HonestNonIdenticalUpdatesAreNotOutliers()
    {
        var (global, updates) = Round(10, 1);

        Assert.All(UpdateOutliers.Screen(global, updates), o => Assert.False(o.IsOutlier, o.Reason));
    }

    [Fact]
    public void ASignFlippedUpdatePointsAgainstTheRound()
    {
        var (global, updates) = Round(10, 2);
        var flipped = Replace(updates, 3, p => p.Select((v, i) => global[i] - (v - global[i])).ToArray());

        var report = UpdateOutliers.Screen(global, flipped);

        Assert.Equal(["c3"], report.Where(o => o.IsOutlier).Select(o => o.ClientId));
        Assert.Contains("points against", report.Single(o => o.ClientId == "c3").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AScaledUpdateIsTooLong()
    {
        var (global, updates) = Round(10, 3);
        var scaled = Replace(updates, 0, p => p.Select((v, i) => global[i] + 10 * (v - global[i])).ToArray());

        var report = UpdateOutliers.Screen(global, scaled);

        Assert.Equal(["c0"], report.Where(o => o.IsOutlier).Select(o => o.ClientId));
    }

    [Fact]
    public void ALazyUpdateThatReturnsTheGlobalModelIsTooShort()
    {
        var (global, updates) = Round(10, 4);
        var lazy = Replace(updates, 7, _ => [.. global]);

        var report = UpdateOutliers.Screen(global, lazy);

        Assert.Equal(["c7"], report.Where(o => o.IsOutlier).Select(o => o.ClientId));
        Assert.Contains("little or no training", report.Single(o => o.ClientId == "c7").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUpdatePointingAwayFromEveryoneElseIsAnOutlierEvenIfNotOpposite()
    {
        var (global, updates) = Round(10, 7, noise: 0.2);
        var random = new Random(21);
        // Mostly its own direction, a little of the round's: a positive cosine, far below the others'.
        var astray = Replace(updates, 4, p => p.Select((v, i) => global[i] + 0.3f * (v - global[i]) + (float)(0.01 * (random.NextDouble() * 2 - 1))).ToArray());

        var report = UpdateOutliers.Screen(global, astray);

        var outlier = Assert.Single(report, o => o.IsOutlier);
        Assert.Equal("c4", outlier.ClientId);
        Assert.True(outlier.Cosine > 0, $"cosine {outlier.Cosine}");
        Assert.Contains("away from everyone else", outlier.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TooFewUpdatesGiveNoVerdict()
    {
        var (global, updates) = Round(2, 5);

        Assert.Empty(UpdateOutliers.Screen(global, updates));
    }

    [Fact]
    public void RandomWeightsAreCaught()
    {
        var (global, updates) = Round(10, 6);
        var random = new Random(9);
        var noisy = Replace(updates, 5, p => p.Select(_ => (float)random.NextDouble() * 10).ToArray());

        Assert.Equal(["c5"], UpdateOutliers.Screen(global, noisy).Where(o => o.IsOutlier).Select(o => o.ClientId));
    }

    [Property(MaxTest = 100)]
    public void AMinorityOfSignFlippersIsAlwaysCaughtAndNoHonestClientIs(PositiveInt seed, byte attackers)
    {
        var (global, updates) = Round(11, seed.Get);
        var count = attackers % 5;
        var attacked = updates;
        for (var a = 0; a < count; a++)
        {
            attacked = Replace(attacked, a, p => p.Select((v, i) => global[i] - (v - global[i])).ToArray());
        }

        var flagged = UpdateOutliers.Screen(global, attacked).Where(o => o.IsOutlier).Select(o => o.ClientId).ToHashSet();

        Assert.Equal(Enumerable.Range(0, count).Select(a => $"c{a}").ToHashSet(), flagged);
    }

    [Property(MaxTest = 100)]
    public void CosinesAndLengthRatiosMatchANaiveComputation(PositiveInt seed, PositiveInt clients)
    {
        var (global, updates) = Round(3 + clients.Get % 9, seed.Get, noise: 2);

        var report = UpdateOutliers.Screen(global, updates);

        var deltas = updates.Select(u => u.Parameters.Select((v, i) => (double)v - global[i]).ToArray()).ToList();
        var centre = Enumerable.Range(0, global.Length).Select(i =>
        {
            var column = deltas.Select(d => d[i]).Order().ToArray();
            return column.Length % 2 == 1 ? column[column.Length / 2] : (column[column.Length / 2 - 1] + column[column.Length / 2]) / 2;
        }).ToArray();
        double Norm(double[] v) => Math.Sqrt(v.Sum(x => x * x));
        var norms = deltas.Select(Norm).Order().ToArray();
        var medianNorm = norms.Length % 2 == 1 ? norms[norms.Length / 2] : (norms[norms.Length / 2 - 1] + norms[norms.Length / 2]) / 2;
        for (var c = 0; c < deltas.Count; c++)
        {
            var cosine = deltas[c].Zip(centre, (a, b) => a * b).Sum() / (Norm(deltas[c]) * Norm(centre));
            Assert.Equal(cosine, report[c].Cosine, 3);
            Assert.Equal(Norm(deltas[c]) / medianNorm, report[c].NormRatio, 3);
        }
    }
}
