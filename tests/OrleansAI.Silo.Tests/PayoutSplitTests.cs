using System.Numerics;
using OrleansAI.Grains.Settlement;

namespace OrleansAI.Silo.Tests;

public sealed class PayoutSplitTests
{
    [Fact]
    public void AtEqualReputationEveryResultEarnsTheSameAndNothingIsOverpaid()
    {
        var payments = PayoutSplit.Split(100, [("t1", "a"), ("t2", "b"), ("t3", "a")], _ => 1.15);

        Assert.All(payments, p => Assert.Equal("33", p.Amount));
        Assert.Equal(["t1", "t2", "t3"], payments.Select(p => p.TaskId));
    }

    [Fact]
    public void AProviderWithTwiceTheMultiplierEarnsTwiceAsMuchOfTheSameBudget()
    {
        var payments = PayoutSplit.Split(BigInteger.Parse("3000000000000000000"), [("t1", "good"), ("t2", "poor")], p => p == "good" ? 1.4 : 0.7);

        Assert.Equal("2000000000000000000", payments[0].Amount);
        Assert.Equal("1000000000000000000", payments[1].Amount);
    }

    [Fact]
    public void RandomSplitsNeverExceedTheBudgetAndLoseLessThanOneUnitPerResult()
    {
        var random = new Random(5);
        for (var trial = 0; trial < 500; trial++)
        {
            var budget = new BigInteger(random.NextInt64(0, long.MaxValue)) * random.Next(1, 1000);
            var contributions = Enumerable.Range(0, random.Next(1, 30)).Select(i => ($"t{i}", $"p{random.Next(5)}")).ToList();
            var multipliers = Enumerable.Range(0, 5).ToDictionary(i => $"p{i}", _ => random.Next(4) == 0 ? double.NaN : 0.5 + random.NextDouble());

            var paid = PayoutSplit.Split(budget, contributions, p => multipliers[p]).Aggregate(BigInteger.Zero, (sum, p) => sum + BigInteger.Parse(p.Amount));

            Assert.True(paid <= budget);
            Assert.True(budget - paid < contributions.Count);
        }
    }

    [Fact]
    public void NoBudgetOrNoResultsPaysNothing()
    {
        Assert.Empty(PayoutSplit.Split(0, [("t1", "a")], _ => 1));
        Assert.Empty(PayoutSplit.Split(10, [], _ => 1));
    }
}
