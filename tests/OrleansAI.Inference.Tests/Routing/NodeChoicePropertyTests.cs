using FsCheck.Xunit;
using OrleansAI.Inference.Routing;

namespace OrleansAI.Inference.Tests.Routing;

public sealed class NodeChoicePropertyTests
{
    [Property(MaxTest = 1000)]
    public void APickIsHealthyNotExcludedAndWithFewCandidatesTheBest(int seed)
    {
        var random = new Random(seed);
        var nodes = Enumerable.Range(0, random.Next(0, 12))
            .Select(i => new NodeLoad(i * 3 + 1, random.Next(0, 4), random.Next(0, 3) / 2m, random.Next(4) != 0))
            .OrderBy(_ => random.Next())
            .ToArray();
        var exclude = nodes.Where(_ => random.Next(4) == 0).Select(n => n.Index).ToHashSet();
        var candidates = nodes.Where(n => n.Healthy && !exclude.Contains(n.Index)).ToArray();

        var pick = NodeChoice.Pick(nodes, exclude, random);

        if (candidates.Length == 0)
        {
            Assert.Null(pick);
            return;
        }

        Assert.NotNull(pick);
        var chosen = Assert.Single(nodes, n => n.Index == pick);
        Assert.True(chosen.Healthy);
        Assert.DoesNotContain(pick.Value, exclude);
        if (candidates.Length <= NodeChoice.ExhaustiveLimit)
        {
            var best = candidates.Min(n => (n.Outstanding, n.Price));
            Assert.Equal(best, (chosen.Outstanding, chosen.Price));
        }
        else
        {
            // Power of two choices: the pick is never the single worst candidate (it beat or tied another).
            Assert.Contains(candidates, n => n.Index != pick && (n.Outstanding, n.Price).CompareTo((chosen.Outstanding, chosen.Price)) >= 0);
        }
    }

    [Property(MaxTest = 500)]
    public void PickManyReturnsDistinctHealthyNodesAsManyAsQualifyUpToK(int seed)
    {
        var random = new Random(seed);
        var nodes = Enumerable.Range(0, random.Next(0, 12)).Select(i => new NodeLoad(i, random.Next(0, 4), 1m, random.Next(4) != 0)).ToArray();
        var k = random.Next(0, 8);

        var picks = NodeChoice.PickMany(nodes, k, random);

        Assert.Equal(Math.Min(k, nodes.Count(n => n.Healthy)), picks.Count);
        Assert.Equal(picks.Count, picks.Distinct().Count());
        Assert.All(picks, p => Assert.True(nodes[p].Healthy));
    }
}
