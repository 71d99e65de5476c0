using OrleansAI.Inference.Routing;

namespace OrleansAI.Inference.Tests.Routing;

public sealed class NodeChoiceTests
{
    [Fact]
    public void WithFewCandidatesTheLeastOutstandingWins()
    {
        NodeLoad[] nodes = [new(10, 5, 1m, true), new(11, 2, 9m, true), new(12, 3, 0m, true)];

        Assert.Equal(11, NodeChoice.Pick(nodes, null, new Random(1)));
    }

    [Fact]
    public void EqualLoadGoesToTheCheaperAndFullTiesAreSharedAtRandom()
    {
        NodeLoad[] byPrice = [new(3, 1, 2m, true), new(4, 1, 1.5m, true), new(5, 1, 2m, true)];
        NodeLoad[] tied = [new(7, 1, 2m, true), new(2, 1, 2m, true), new(5, 1, 2m, true)];
        var random = new Random(1);

        Assert.Equal(4, NodeChoice.Pick(byPrice, null, random));
        var picks = Enumerable.Range(0, 3000).Select(_ => NodeChoice.Pick(tied, null, random)!.Value).GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal([2, 5, 7], picks.Keys.Order());
        Assert.All(picks.Values, c => Assert.InRange(c, 850, 1150));
    }

    [Fact]
    public void WithManyIdleNodesPowerOfTwoChoicesSpreadsTheCalls()
    {
        var nodes = Enumerable.Range(0, 10).Select(i => new NodeLoad(i, 0, 1m, true)).ToArray();
        var random = new Random(2);

        var picks = Enumerable.Range(0, 5000).Select(_ => NodeChoice.Pick(nodes, null, random)!.Value).GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(10, picks.Count);
        Assert.All(picks.Values, c => Assert.InRange(c, 400, 600));
    }

    [Fact]
    public void UnhealthyAndExcludedNodesAreNeverPicked()
    {
        NodeLoad[] nodes = [new(0, 0, 0m, false), new(1, 0, 0m, true), new(2, 9, 0m, true)];

        Assert.Equal(2, NodeChoice.Pick(nodes, new HashSet<int> { 1 }, new Random(1)));
    }

    [Fact]
    public void NoQualifyingNodeGivesNull()
    {
        NodeLoad[] nodes = [new(0, 0, 0m, false), new(1, 0, 0m, true)];

        Assert.Null(NodeChoice.Pick(nodes, new HashSet<int> { 1 }, new Random(1)));
        Assert.Null(NodeChoice.Pick([], null, new Random(1)));
    }

    [Fact]
    public void WithManyCandidatesTheMostLoadedIsNeverPicked()
    {
        // The better of two distinct candidates can never be the unique worst one.
        NodeLoad[] nodes = [.. Enumerable.Range(0, 8).Select(i => new NodeLoad(i, i, 0m, true))];
        var random = new Random(3);

        var picks = Enumerable.Range(0, 2000).Select(_ => NodeChoice.Pick(nodes, null, random)!.Value).ToArray();

        Assert.DoesNotContain(7, picks);
        Assert.Contains(6, picks);
        Assert.True(picks.Count(p => p == 0) > picks.Count(p => p == 6), "lighter nodes should be picked more often");
    }

    [Fact]
    public void PickManyChoosesDistinctNodesInOrderOfPreference()
    {
        NodeLoad[] nodes = [new(0, 3, 0m, true), new(1, 1, 0m, true), new(2, 2, 0m, false), new(3, 0, 0m, true)];

        Assert.Equal([3, 1], NodeChoice.PickMany(nodes, 2, new Random(1)));
        Assert.Equal([3, 1, 0], NodeChoice.PickMany(nodes, 5, new Random(1)));
        Assert.Empty(NodeChoice.PickMany(nodes, 0, new Random(1)));
    }

    [Fact]
    public void PickManyWithManyCandidatesReturnsKDistinctHealthyNodes()
    {
        NodeLoad[] nodes = [.. Enumerable.Range(0, 20).Select(i => new NodeLoad(100 + i, i % 3, 1m, i % 4 != 0))];

        var picks = NodeChoice.PickMany(nodes, 10, new Random(5));

        Assert.Equal(10, picks.Distinct().Count());
        Assert.All(picks, p => Assert.True(nodes.Single(n => n.Index == p).Healthy));
        Assert.Equal(15, NodeChoice.PickMany(nodes, 99, new Random(5)).Count);
    }

    [Fact]
    public void ANegativeCountIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NodeChoice.PickMany([new(0, 0, 0m, true)], -1, new Random(1)));
    }

    [Fact]
    public void PowerOfTwoChoicesKeepsTheLoadBalanced()
    {
        const int Nodes = 16;
        var outstanding = new int[Nodes];
        var random = new Random(11);
        for (var request = 0; request < 32_000; request++)
        {
            var loads = Enumerable.Range(0, Nodes).Select(i => new NodeLoad(i, outstanding[i], 1m, true)).ToArray();
            outstanding[NodeChoice.Pick(loads, null, random)!.Value]++;
        }

        // Random placement would spread 2,000 per node by about ±45; two choices keep the gap to a few.
        Assert.True(outstanding.Max() - outstanding.Min() <= 4, string.Join(',', outstanding));
    }

    [Fact]
    public void PowerOfTwoChoicesBalancesAsRequestsComeAndGoFarBetterThanRandomPlacement()
    {
        var twoChoices = MeanGap(seed: 12, (loads, random) => NodeChoice.Pick(loads, null, random)!.Value);
        var randomPlacement = MeanGap(seed: 12, (loads, random) => random.Next(loads.Length));

        Assert.True(twoChoices <= 6, $"mean gap {twoChoices:F2}, random {randomPlacement:F2}");
        Assert.True(twoChoices * 2 < randomPlacement, $"two choices {twoChoices:F2}, random {randomPlacement:F2}");
    }

    /// <summary>
    /// Requests arrive one at a time and each step one outstanding request, chosen at random, completes
    /// (so busier nodes complete more): the mean spread between the busiest and idlest node over the run.
    /// </summary>
    private static double MeanGap(int seed, Func<NodeLoad[], Random, int> place)
    {
        const int Nodes = 10;
        var outstanding = new int[Nodes];
        var random = new Random(seed);
        long gaps = 0;
        const int Steps = 20_000;
        const int Filling = 200;
        for (var step = 0; step < Steps; step++)
        {
            var loads = Enumerable.Range(0, Nodes).Select(i => new NodeLoad(i, outstanding[i], 1m, true)).ToArray();
            outstanding[place(loads, random)]++;
            if (step >= Filling)
            {
                var finished = random.Next(outstanding.Sum());
                var node = 0;
                while (finished >= outstanding[node])
                {
                    finished -= outstanding[node++];
                }

                outstanding[node]--;
                gaps += outstanding.Max() - outstanding.Min();
            }
        }

        return (double)gaps / (Steps - Filling);
    }
}
