using OrleansAI.Federation.Strategies;

namespace OrleansAI.Federation.Tests.Strategies;

public sealed class StrategyEdgeCaseTests
{
    public static TheoryData<string> StrategyNames => ["fedavg", "fedprox", "fedadam", "fedyogi", "fedadagrad", "fedmedian", "trimmedmean", "krum", "multikrum", "clip", "adaptiveclip"];

    private static readonly float[] Current = [0f, 0f, 0f];

    [Theory]
    [MemberData(nameof(StrategyNames))]
    public void NoResultsKeepsTheCurrentModel(string name)
    {
        var outcome = Create(name).AggregateFit(1, Current, [], [new ClientFailure("a", "timeout")]);

        Assert.False(outcome.HasNewModel);
        Assert.Contains("0 usable result(s)", outcome.KeptBecause, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StrategyNames))]
    public void NaNOrInfinityIsRejectedAndNeverReachesTheModel(string name)
    {
        ClientUpdate[] updates =
        [
            .. Honest(7),
            new("nan", [float.NaN, 1, 1], 100),
            new("inf", [1, float.PositiveInfinity, 1], 100),
        ];

        var outcome = Create(name).AggregateFit(1, Current, updates, []);

        Assert.True(outcome.HasNewModel);
        Assert.All(outcome.Parameters!, v => Assert.True(float.IsFinite(v)));
        Assert.Contains(outcome.Rejected, r => r.ClientId == "nan" && r.Reason == "contains NaN at index 0");
        Assert.Contains(outcome.Rejected, r => r.ClientId == "inf" && r.Reason.Contains("at index 1", StringComparison.Ordinal));
        Assert.DoesNotContain("nan", outcome.Used);
    }

    [Theory]
    [MemberData(nameof(StrategyNames))]
    public void AnUpdateOfTheWrongLengthIsRejectedWithTheReason(string name)
    {
        ClientUpdate[] updates = [.. Honest(7), new("short", [1, 2], 10)];

        var outcome = Create(name).AggregateFit(1, Current, updates, []);

        Assert.Contains(new RejectedUpdate("short", "has 2 parameters; the model has 3"), outcome.Rejected);
        Assert.Equal(3, outcome.Parameters!.Length);
    }

    [Fact]
    public void DuplicateAndEmptyUpdatesAreRejected()
    {
        ClientUpdate[] updates = [new("a", [1, 1, 1], 10), new("a", [9, 9, 9], 10), new("b", [1, 1, 1], 0)];

        var outcome = new FedAvg().AggregateFit(1, Current, updates, []);

        Assert.Equal([1f, 1f, 1f], outcome.Parameters!);
        Assert.Contains(new RejectedUpdate("a", "sent more than one update this round"), outcome.Rejected);
        Assert.Contains(new RejectedUpdate("b", "reports 0 examples"), outcome.Rejected);
    }

    [Fact]
    public void WithFailuresNotAcceptedAnyFailureKeepsTheCurrentModel()
    {
        var strategy = new FedAvg(new SamplingOptions { AcceptFailures = false });

        var outcome = strategy.AggregateFit(1, Current, Honest(3), [new ClientFailure("late", "deadline passed")]);

        Assert.False(outcome.HasNewModel);
        Assert.Contains("failures are not accepted", outcome.KeptBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void FewerResultsThanTheMinimumKeepTheCurrentModel()
    {
        var outcome = new FedAvg(new SamplingOptions { MinResults = 4 }).AggregateFit(1, Current, Honest(3), []);

        Assert.Equal("3 usable result(s), at least 4 needed", outcome.KeptBecause);
    }

    [Fact]
    public void KrumRefusesRoundsWithTooFewClientsForItsGuarantee()
    {
        var krum = new Krum(byzantine: 2);

        var outcome = krum.AggregateFit(1, Current, Honest(6), []);

        Assert.Equal("Krum with f = 2 needs more than 6 results, got 6", outcome.KeptBecause);
        Assert.Throws<ArgumentException>(() => krum.ValidateConfiguration(6));
        krum.ValidateConfiguration(7);
    }

    [Fact]
    public void RobustRulesIgnoreAModelReplacementAttackThatMovesFedAvg()
    {
        ClientUpdate[] updates = [.. Honest(8), new("attacker", [1000, -1000, 1000], 1000)];

        var avg = new FedAvg().AggregateFit(1, Current, updates, []).Parameters!;
        var robust = new IStrategy[] { new FedMedian(), new FedTrimmedAvg(0.2), new Krum(1), new NormClipping(1) }
            .Select(s => s.AggregateFit(1, Current, updates, []).Parameters!);

        Assert.True(Math.Abs(avg[0]) > 50);
        Assert.All(robust, p => Assert.True(Math.Abs(p[0] - 1) < 1, $"moved to {p[0]}"));
    }

    [Fact]
    public void AdaptiveClippingMovesTheBoundTowardsTheTargetQuantile()
    {
        var clip = new NormClipping(100, ClippingMode.Adaptive, targetQuantile: 0.5);
        var updates = Honest(8);

        for (var round = 0; round < 40; round++)
        {
            clip.AggregateFit(round, Current, updates, []);
        }

        // Every honest change has norm √3·(1 ± 0.07); a median bound settles among them.
        Assert.InRange(clip.ClipNorm, 1.4, 2.1);
    }

    [Fact]
    public void SamplingIsReproducibleAndRespectsFractionsAndMinimums()
    {
        var sampling = new SamplingOptions { FractionFit = 0.3, MinFitClients = 2 };
        var clients = Enumerable.Range(0, 20).Select(i => $"p{i}").ToArray();

        var first = ClientSampling.Sample(clients, sampling, new Random(5));
        var again = ClientSampling.Sample([.. clients.Reverse()], sampling, new Random(5));
        var other = ClientSampling.Sample(clients, sampling, new Random(6));

        Assert.Equal(6, first.Count);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(6, first.Distinct().Count());
        Assert.Empty(ClientSampling.Sample(["only"], sampling, new Random(1)));
        Assert.Equal(0.25, new FedProx(0.25).ConfigureFit(1)["proximal_mu"]);
    }

    [Fact]
    public void EvaluationIsWeightedByExamplesAndSkipsUnusableReports()
    {
        var summary = new FedAvg().AggregateEvaluate(
            1,
            [new("a", 100, 0.5, 0.9), new("b", 300, 1.0, 0.5), new("c", 0, 9, 1), new("d", 10, double.NaN, 0.5)],
            [new ClientFailure("e", "timeout")]);

        Assert.Equal(400, summary.Examples);
        Assert.Equal((50 + 300) / 400.0, summary.Loss, 12);
        Assert.Equal((90 + 150) / 400.0, summary.Accuracy, 12);
        Assert.Equal(2, summary.Clients);
        Assert.Equal(1, summary.Failures);
    }

    [Fact]
    public void FedBuffRefusesStaleOrFutureUpdates()
    {
        var buffer = new FedBuff(2, maxStaleness: 5);
        float[] model = [0, 0, 0];

        var stale = buffer.Offer(new ClientUpdate("old", [1, 1, 1], 10, BaseRound: 1), model, model, currentVersion: 10);
        var future = buffer.Offer(new ClientUpdate("future", [1, 1, 1], 10, BaseRound: 11), model, model, currentVersion: 10);

        Assert.Equal("staleness 9 is outside 0..5", stale!.Rejected.Single().Reason);
        Assert.Equal("staleness -1 is outside 0..5", future!.Rejected.Single().Reason);
        Assert.Equal(0, buffer.Buffered);
    }

    private static ClientUpdate[] Honest(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new ClientUpdate($"h{i}", [1 + 0.01f * i, 1 - 0.01f * i, 1 + 0.005f * i], 100))];

    private static IStrategy Create(string name) => name switch
    {
        "fedavg" => new FedAvg(),
        "fedprox" => new FedProx(0.01),
        "fedadam" => new FedAdam(),
        "fedyogi" => new FedYogi(),
        "fedadagrad" => new FedAdagrad(),
        "fedmedian" => new FedMedian(),
        "trimmedmean" => new FedTrimmedAvg(0.1),
        "krum" => new Krum(1),
        "multikrum" => new Krum(1, selected: null),
        "clip" => new NormClipping(1),
        "adaptiveclip" => new NormClipping(1, ClippingMode.Adaptive),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
