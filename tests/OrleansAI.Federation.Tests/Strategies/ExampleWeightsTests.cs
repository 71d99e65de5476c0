using OrleansAI.Federation.Robust;

namespace OrleansAI.Federation.Tests.Strategies;

public sealed class ExampleWeightsTests
{
    [Fact]
    public void BoundedCountsMatchANaiveReferenceOverRandomRounds()
    {
        for (var seed = 0; seed < 2_000; seed++)
        {
            var random = new Random(seed);
            var counts = Enumerable.Range(0, random.Next(1, 15)).Select(_ => random.Next(4) == 0 ? random.NextInt64(1, 2_000_000_000) : random.NextInt64(1, 5_000)).ToArray();
            long? ceiling = random.Next(3) == 0 ? random.NextInt64(1, 10_000) : null;
            var updates = counts.Select((n, i) => new ClientUpdate($"c{i}", [0f], n)).ToArray();

            var bounded = ExampleWeights.Bound(updates, ceiling);

            var sorted = counts.OrderBy(n => n).ToArray();
            var cap = Math.Min((long)Math.Ceiling(sorted[(sorted.Length - 1) / 2] * 3.0), ceiling ?? long.MaxValue);
            Assert.Equal(counts.Select(n => Math.Min(n, cap)), bounded.Select(u => u.Examples));
        }
    }

    [Fact]
    public void AMinorityClaimingABillionExamplesGetsAtMostThreeMediansEachUnderFedAvg()
    {
        var random = new Random(7);
        for (var liars = 1; liars <= 4; liars++)
        {
            var honest = Enumerable.Range(0, 9).Select(i => new ClientUpdate($"h{i}", [0f], random.Next(400, 800))).ToList();
            var all = honest.Concat(Enumerable.Range(0, liars).Select(i => new ClientUpdate($"liar{i}", [1f], 1_000_000_000))).ToArray();

            var bounded = ExampleWeights.Bound(all);
            var liarShare = bounded.Where(u => u.ClientId.StartsWith("liar", StringComparison.Ordinal)).Sum(u => (double)u.Examples) / bounded.Sum(u => (double)u.Examples);

            // Each liar weighs at most three honest medians (800 × 3 at worst) against at least 9 × 400 honest examples.
            Assert.True(liarShare <= liars * 2400.0 / (liars * 2400.0 + 3600.0), $"{liars} liar(s) took {liarShare:P1}");
        }
    }

    [Fact]
    public void HonestCountsWithinThreeMediansKeepTheirExactWeight()
    {
        var updates = new[] { 100L, 150, 200, 290, 300 }.Select((n, i) => new ClientUpdate($"c{i}", [0f], n)).ToArray();

        var bounded = ExampleWeights.Bound(updates);

        Assert.Equal(updates.Select(u => u.Examples), bounded.Select(u => u.Examples));
    }
}
