using FsCheck.Xunit;
using OrleansAI.Federation.Strategies;

namespace OrleansAI.Federation.Tests.Strategies;

public sealed class StrategyPropertyTests
{
    [Property(MaxTest = 200)]
    public void FedAvgIsTheExampleWeightedMean(int seed)
    {
        var (current, updates) = RandomUpdates.Round(seed);

        var outcome = new FedAvg().AggregateFit(1, current, updates, []);

        Close.Equal(Reference.WeightedMean(updates), outcome.Parameters!);
        Assert.Equal(updates.Length, outcome.Used.Count);
    }

    [Property(MaxTest = 200)]
    public void FedProxAggregatesExactlyAsFedAvg(int seed)
    {
        var (current, updates) = RandomUpdates.Round(seed);

        var prox = new FedProx(0.1).AggregateFit(1, current, updates, []);
        var avg = new FedAvg().AggregateFit(1, current, updates, []);

        Assert.Equal(avg.Parameters, prox.Parameters);
    }

    [Property(MaxTest = 200)]
    public void FedMedianIsTheCoordinateWiseMedian(int seed)
    {
        var (current, updates) = RandomUpdates.Round(seed);

        var outcome = new FedMedian().AggregateFit(1, current, updates, []);

        Close.Equal(Reference.Median(updates), outcome.Parameters!);
    }

    [Property(MaxTest = 200)]
    public void TrimmedMeanDropsTheExtremesOfEachCoordinate(int seed)
    {
        var (current, updates) = RandomUpdates.Round(seed);
        var beta = new Random(seed).Next(0, 5) / 10.0;

        var outcome = new FedTrimmedAvg(beta).AggregateFit(1, current, updates, []);

        Close.Equal(Reference.TrimmedMean(updates, beta), outcome.Parameters!);
    }

    [Property(MaxTest = 200)]
    public void KrumScoresMatchTheDefinitionAndMultiKrumAveragesTheBest(int seed)
    {
        var (current, updates) = RandomUpdates.Round(seed, minClients: 5, maxClients: 12);
        var f = new Random(seed).Next(0, (updates.Length - 3) / 2 + 1);

        var scores = Krum.Scores([.. updates.Select(u => u.Parameters)], f);
        var outcome = new Krum(f, selected: null).AggregateFit(1, current, updates, []);

        Close.Equal(Reference.KrumScores(updates, f), [.. scores.Select(s => (float)s)], 1e-4);
        var best = Enumerable.Range(0, updates.Length).OrderBy(i => scores[i]).ThenBy(i => updates[i].ClientId, StringComparer.Ordinal).Take(updates.Length - f).Select(i => updates[i]).ToArray();
        Close.Equal(Reference.WeightedMean(best), outcome.Parameters!);
        Assert.Equal(f, outcome.Rejected.Count);
    }

    [Property(MaxTest = 200)]
    public void NormClippingBoundsEachChangeBeforeAveraging(int seed)
    {
        var (current, updates) = RandomUpdates.Round(seed);
        var clip = 0.1 + new Random(seed).NextDouble() * 5;

        var outcome = new NormClipping(clip).AggregateFit(1, current, updates, []);

        Close.Equal(Reference.Clipped(current, updates, clip), outcome.Parameters!);
    }

    [Property(MaxTest = 100)]
    public void ServerOptimisersFollowTheirMomentRulesOverSeveralRounds(int seed)
    {
        var random = new Random(seed);
        var options = new ServerOptimizerOptions { ServerLearningRate = 0.5, Beta1 = 0.9, Beta2 = 0.99, Tau = 0.01 };
        FedOpt[] strategies = [new FedAdagrad(options), new FedAdam(options), new FedYogi(options)];
        foreach (var strategy in strategies)
        {
            var (x, _) = RandomUpdates.Round(seed);
            var expected = x.Select(v => (double)v).ToArray();
            var m = new double[x.Length];
            var v = Enumerable.Repeat(options.Tau * options.Tau, x.Length).ToArray();
            for (var round = 1; round <= 3; round++)
            {
                var updates = Enumerable.Range(0, 3).Select(i => new ClientUpdate($"c{i}", RandomUpdates.Vector(random, x.Length, x), random.Next(1, 100))).ToArray();
                var mean = Reference.WeightedMean(updates);
                for (var i = 0; i < x.Length; i++)
                {
                    var d = mean[i] - x[i];
                    m[i] = options.Beta1 * m[i] + (1 - options.Beta1) * d;
                    v[i] = strategy switch
                    {
                        FedAdagrad => v[i] + d * d,
                        FedAdam => options.Beta2 * v[i] + (1 - options.Beta2) * d * d,
                        _ => v[i] - (1 - options.Beta2) * d * d * Math.Sign(v[i] - d * d),
                    };
                    expected[i] = x[i] + options.ServerLearningRate * m[i] / (Math.Sqrt(v[i]) + options.Tau);
                }

                x = strategy.AggregateFit(round, x, updates, []).Parameters!;
                Close.Equal(expected, x, 1e-3);
                expected = x.Select(value => (double)value).ToArray();
            }
        }
    }

    [Property(MaxTest = 100)]
    public void FedBuffAppliesStalenessWeightedMeanChangesEveryKUpdates(int seed)
    {
        var random = new Random(seed);
        var k = random.Next(1, 6);
        var (current, _) = RandomUpdates.Round(seed);
        var buffer = new FedBuff(k, serverLearningRate: 0.8);
        var expected = current.Select(v => (double)v).ToArray();
        AggregationOutcome? outcome = null;
        for (var i = 0; i < k; i++)
        {
            var baseModel = RandomUpdates.Vector(random, current.Length);
            var staleness = random.Next(0, 10);
            var local = RandomUpdates.Vector(random, current.Length, baseModel);
            for (var j = 0; j < expected.Length; j++)
            {
                expected[j] += 0.8 / Math.Sqrt(1 + staleness) / k * ((double)local[j] - baseModel[j]);
            }

            outcome = buffer.Offer(new ClientUpdate($"c{i}", local, 10, BaseRound: 20 - staleness), baseModel, current, currentVersion: 20);
            Assert.True(i == k - 1 ? outcome is { HasNewModel: true } : outcome is null);
        }

        Close.Equal(expected, outcome!.Parameters!, 1e-4);
        Assert.Equal(0, buffer.Buffered);
    }
}
