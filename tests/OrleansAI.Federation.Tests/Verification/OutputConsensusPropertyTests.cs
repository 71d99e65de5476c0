using FsCheck.Xunit;

namespace OrleansAI.Federation.Tests.Verification;

public sealed class OutputConsensusPropertyTests
{
    [Property(MaxTest = 500)]
    public void AgreeMatchesTheNaiveDefinition(int seed)
    {
        var (outputs, rows, rule) = RandomReplicas(seed);
        for (var i = 0; i < outputs.Length; i++)
        {
            for (var j = 0; j < outputs.Length; j++)
            {
                Assert.Equal(NaiveConsensus.Agree(outputs[i], outputs[j], rows, rule.Kind, rule.Tolerance), rule.Agree(outputs[i], outputs[j], rows));
            }
        }
    }

    [Property(MaxTest = 500)]
    public void DecideMatchesTheNaiveDefinition(int seed)
    {
        var (outputs, rows, rule) = RandomReplicas(seed);

        var outcome = OutputConsensus.Decide([.. outputs.Select(o => new ReadOnlyMemory<float>(o))], rows, rule);
        var expected = NaiveConsensus.Decide(outputs, rows, rule.Kind, rule.Tolerance);

        Assert.Equal(expected.Winner, outcome.Winner);
        Assert.Equal(expected.Majority, outcome.Majority);
        Assert.Equal(expected.Dissenters, outcome.Dissenters);
    }

    [Property(MaxTest = 500)]
    public void AResolvedOutcomeSplitsEveryReplicaIntoAStrictMajorityAroundTheWinnerAndTheDissenters(int seed)
    {
        var (outputs, rows, rule) = RandomReplicas(seed);

        var outcome = OutputConsensus.Decide([.. outputs.Select(o => new ReadOnlyMemory<float>(o))], rows, rule);

        if (!outcome.Resolved)
        {
            Assert.Empty(outcome.Majority);
            Assert.Empty(outcome.Dissenters);
            return;
        }

        Assert.Contains(outcome.Winner!.Value, outcome.Majority);
        Assert.True(outcome.Majority.Count * 2 > outputs.Length);
        Assert.Equal(Enumerable.Range(0, outputs.Length), outcome.Majority.Concat(outcome.Dissenters).Order());
        Assert.Equal(outcome.Majority.Order(), outcome.Majority);
        Assert.Equal(outcome.Dissenters.Order(), outcome.Dissenters);
        Assert.All(outcome.Majority.Where(i => i != outcome.Winner), i => Assert.True(rule.Agree(outputs[outcome.Winner.Value], outputs[i], rows)));
        Assert.All(outcome.Dissenters, i => Assert.False(rule.Agree(outputs[outcome.Winner.Value], outputs[i], rows)));
    }

    [Property(MaxTest = 300)]
    public void UnderArgmaxAnHonestStrictMajorityAlwaysWinsWhateverTheLiarsSend(int seed)
    {
        var random = new Random(seed);
        var n = random.Next(1, 10);
        var honestCount = n / 2 + 1;
        var rows = random.Next(1, 4);
        var truth = Values(random, rows * random.Next(1, 5));
        var outputs = Enumerable.Range(0, n).Select(_ => truth).ToArray();
        foreach (var liar in Enumerable.Range(0, n).OrderBy(_ => random.Next()).Take(n - honestCount))
        {
            outputs[liar] = random.Next(3) == 0 ? Values(random, truth.Length) : Values(random, random.Next(0, 10));
        }

        var outcome = OutputConsensus.Decide([.. outputs.Select(o => new ReadOnlyMemory<float>(o))], rows, ComparisonRule.Classifier);

        Assert.True(outcome.Resolved);
        Assert.True(ComparisonRule.Classifier.Agree(truth, outputs[outcome.Winner!.Value], rows));
    }

    /// <summary>
    /// Replicas drawn so that every case occurs often: values from a small grid (so ties and exact
    /// agreements are common), copies of a shared output with small perturbations, NaNs, and wrong lengths.
    /// </summary>
    private static (float[][] Outputs, int Rows, ComparisonRule Rule) RandomReplicas(int seed)
    {
        var random = new Random(seed);
        var rows = random.Next(1, 4);
        var length = rows * random.Next(1, 5);
        var rule = random.Next(2) == 0 ? ComparisonRule.Classifier : ComparisonRule.Within(random.Next(0, 4) * 0.25);
        var shared = Values(random, length);
        var outputs = Enumerable.Range(0, random.Next(1, 8)).Select(_ => random.Next(6) switch
        {
            0 => Values(random, length),
            1 => Values(random, random.Next(0, length + 3)),
            2 => Poisoned(random, shared),
            3 => Perturbed(random, shared),
            _ => shared,
        }).ToArray();
        return (outputs, rows, rule);
    }

    private static float[] Values(Random random, int length) =>
        [.. Enumerable.Range(0, length).Select(_ => random.Next(-4, 5) * 0.25f)];

    private static float[] Poisoned(Random random, float[] values)
    {
        var copy = (float[])values.Clone();
        if (copy.Length > 0)
        {
            copy[random.Next(copy.Length)] = random.Next(3) == 0 ? float.PositiveInfinity : float.NaN;
        }

        return copy;
    }

    private static float[] Perturbed(Random random, float[] values) =>
        [.. values.Select(v => v + random.Next(-2, 3) * 0.25f)];
}
