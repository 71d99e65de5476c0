using FsCheck;
using FsCheck.Xunit;
using OrleansAI.Federation.Reputation;

namespace OrleansAI.Federation.Tests.Reputation;

public sealed class ProviderReputationTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);
    private static readonly ReputationOptions Options = ReputationOptions.Default;

    [Fact]
    public void ANewProviderStartsWithAnEvenOutcomeScoreAndFullUptimeAndTimeliness()
    {
        var fresh = ProviderReputation.New(T0);

        Assert.Equal(0.5, fresh.OutcomeScore);
        Assert.Equal(1, fresh.Uptime);
        Assert.Equal((0.7 * 0.5 + 0.2 + 0.1) / 1.0, fresh.Score(Options), 12);
    }

    [Fact]
    public void TheOutcomeScoreIsTheBetaPosteriorMean()
    {
        var r = ProviderReputation.New(T0).Observe((8, 0), T0, Options).Observe((0, 2), T0, Options);

        Assert.Equal(9.0 / 12.0, r.OutcomeScore, 12);
    }

    [Fact]
    public void EvidenceLosesHalfItsWeightPerHalfLife()
    {
        var r = ProviderReputation.New(T0).Observe((4, 2), T0, Options);

        var later = r.DecayedTo(T0 + Options.HalfLife, Options);

        Assert.Equal(2, later.Successes, 12);
        Assert.Equal(1, later.Failures, 12);
    }

    [Fact]
    public void AProviderThatFailedRecoversAsTheFailuresDecayAndItWorksWell()
    {
        var bad = ProviderReputation.New(T0).Observe((0, 10), T0, Options);
        var recovered = bad;
        for (var day = 1; day <= 14; day++)
        {
            recovered = recovered.Observe((5, 0), T0.AddDays(day), Options);
        }

        Assert.True(bad.Score(Options) < 0.4);
        Assert.True(recovered.Score(Options) > 0.85, $"{recovered.Score(Options)}");
    }

    [Fact]
    public void UptimeIsTheShareOfObservedTimeOnline()
    {
        var r = ProviderReputation.New(T0)
            .ObserveTime(TimeSpan.FromMinutes(30), online: true, T0, Options)
            .ObserveTime(TimeSpan.FromMinutes(10), online: false, T0, Options);

        Assert.Equal(0.75, r.Uptime, 12);
    }

    [Fact]
    public void TimelinessMovesTowardHowEarlyAnswersCome()
    {
        var r = ProviderReputation.New(T0).ObserveTimeliness(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), T0, Options);

        Assert.Equal(1 + 0.2 * (0.5 - 1), r.Timeliness, 12);
    }

    [Fact]
    public void TheFeeMultiplierSpansItsBoundsWithTheScore()
    {
        var best = new ProviderReputation(1e9, 0, 1, 1, 1, T0);
        var worst = new ProviderReputation(0, 1e9, 0, 1, 0, T0);

        Assert.Equal(Options.MaxFeeMultiplier, best.FeeMultiplier(Options), 6);
        Assert.Equal(Options.MinFeeMultiplier, worst.FeeMultiplier(Options), 6);
        Assert.Equal(Options.SamplingFloor, worst.SamplingWeight(Options), 6);
    }

    [Fact]
    public void RetractedEvidenceLeavesWhatItsDecayedShareWasAndNeverGoesBelowZero()
    {
        var r = ProviderReputation.New(T0).Observe((0, 1), T0, Options).Observe((0, 4), T0.AddDays(1), Options);

        var later = T0.AddDays(1) + Options.HalfLife;
        var retracted = r.Retract((0, 4), T0.AddDays(1), later, Options);

        // Of the first failure half a half-life's decay and more remains; the four retracted ones are gone.
        Assert.Equal(r.DecayedTo(later, Options).Failures - 2, retracted.Failures, 9);
        Assert.Equal(0, ProviderReputation.New(T0).Retract((3, 3), T0, T0, Options).Failures);
    }

    [Fact]
    public void NegativeOrNonFiniteEvidenceIsRejected()
    {
        var r = ProviderReputation.New(T0);

        Assert.Throws<ArgumentOutOfRangeException>(() => r.Observe((-1, 0), T0, Options));
        Assert.Throws<ArgumentOutOfRangeException>(() => r.Observe((0, double.NaN), T0, Options));
    }

    [Property(MaxTest = 300)]
    public void TheScoreStaysInTheUnitIntervalAndFailuresNeverRaiseIt(NonNegativeInt successes, NonNegativeInt failures, NonNegativeInt extra, PositiveInt hours)
    {
        var now = T0.AddHours(hours.Get);
        var r = ProviderReputation.New(T0).Observe((successes.Get, failures.Get), T0, Options);
        var worse = r.Observe((0, extra.Get), now, Options);
        var same = r.DecayedTo(now, Options);

        Assert.InRange(r.Score(Options), 0, 1);
        Assert.InRange(worse.Score(Options), 0, 1);
        Assert.True(worse.Score(Options) <= same.Score(Options) + 1e-12);
    }

    [Property(MaxTest = 300)]
    public void DecayNeverChangesTheOutcomeScoresDirectionOnlyItsCertainty(PositiveInt successes, PositiveInt failures, PositiveInt days)
    {
        var r = ProviderReputation.New(T0).Observe((successes.Get, failures.Get), T0, Options);
        var decayed = r.DecayedTo(T0.AddDays(days.Get), Options);

        // The posterior mean moves toward 1/2 as evidence fades, never past it.
        var before = r.OutcomeScore - 0.5;
        var after = decayed.OutcomeScore - 0.5;
        Assert.True(Math.Sign(after) == Math.Sign(before) || Math.Abs(after) < 1e-12);
        Assert.True(Math.Abs(after) <= Math.Abs(before) + 1e-12);
    }
}
