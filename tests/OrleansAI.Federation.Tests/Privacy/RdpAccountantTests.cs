using FsCheck;
using FsCheck.Xunit;
using OrleansAI.Federation.Privacy;

namespace OrleansAI.Federation.Tests.Privacy;

public sealed class RdpAccountantTests
{
    private const double Delta = 1e-5;

    [Fact]
    public void CompositionAddsTheRdpOfEachRunAtEveryOrder()
    {
        var first = new RdpAccountant().Step(0.01, 1.1, 300);
        var second = new RdpAccountant().Step(0.05, 2.0, 40);

        var both = first.Step(0.05, 2.0, 40);

        for (var k = 0; k < both.Orders.Count; k++)
        {
            Assert.Equal(first.Rdp[k] + second.Rdp[k], both.Rdp[k], 12);
        }

        Assert.Equal([new PrivacyStep(0.01, 1.1, 300), new PrivacyStep(0.05, 2.0, 40)], both.History);
        Assert.Equal(340, both.TotalSteps);
    }

    [Fact]
    public void TheOrderOfTheRunsDoesNotChangeTheSpend()
    {
        var one = new RdpAccountant().Step(0.01, 1.1, 300).Step(0.05, 2.0, 40).Step(0.01, 0.9, 7);
        var other = new RdpAccountant().Step(0.01, 0.9, 7).Step(0.01, 1.1, 300).Step(0.05, 2.0, 40);

        Assert.Equal(one.Epsilon(Delta), other.Epsilon(Delta), 12);
    }

    [Fact]
    public void SteppingLeavesTheOriginalAccountantUnchanged()
    {
        var before = new RdpAccountant().Step(0.02, 1.0, 10);
        var epsilon = before.Epsilon(Delta);

        _ = before.Step(0.02, 1.0, 1000);

        Assert.Equal(epsilon, before.Epsilon(Delta));
        Assert.Equal(10, before.TotalSteps);
    }

    [Fact]
    public void AnEmptyAccountantHasSpentNothing()
    {
        var spent = new RdpAccountant().Spent(Delta);

        Assert.Equal(0, spent.Epsilon);
        Assert.Equal(0, new RdpAccountant().Step(0.0, 1.0, 1000).Epsilon(Delta));
        Assert.Equal(double.PositiveInfinity, new RdpAccountant().Step(0.1, 0.0).Epsilon(Delta));
    }

    [Fact]
    public void EpsilonGrowsWithStepsAndSamplingRateAndFallsWithNoise()
    {
        var baseline = new RdpAccountant().Step(0.01, 1.1, 1000).Epsilon(Delta);

        Assert.True(new RdpAccountant().Step(0.01, 1.1, 2000).Epsilon(Delta) > baseline);
        Assert.True(new RdpAccountant().Step(0.02, 1.1, 1000).Epsilon(Delta) > baseline);
        Assert.True(new RdpAccountant().Step(0.01, 1.5, 1000).Epsilon(Delta) < baseline);
        Assert.True(new RdpAccountant().Step(0.01, 1.1, 1000).Epsilon(1e-7) > baseline);
    }

    [Fact]
    public void TheImprovedConversionBeatsTheClassicOneAtEveryOrder()
    {
        // Classic (Mironov 2017): ε = ρ + log(1/δ)/(α − 1). The improved bound subtracts
        // log(α)/(α − 1) − log((α − 1)/α) > 0, so it is strictly smaller.
        var accountant = new RdpAccountant().Step(0.01, 1.1, 10000);
        var classic = accountant.Orders.Select((a, k) => accountant.Rdp[k] + Math.Log(1 / Delta) / (a - 1)).Min();

        Assert.True(accountant.Epsilon(Delta) < classic);
    }

    [Fact]
    public void ConversionRefusesMismatchedInputsAndBadDelta()
    {
        Assert.Throws<ArgumentException>(() => RdpConversion.ToEpsilon([2.0, 3.0], [0.1], Delta));
        Assert.Throws<ArgumentOutOfRangeException>(() => RdpConversion.ToEpsilon([2.0], [0.1], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RdpConversion.ToEpsilon([2.0], [0.1], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => RdpConversion.ToEpsilon([1.0], [0.1], Delta));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RdpAccountant([0.5]));
    }

    [Fact]
    public void DefaultOrdersAreTheReferenceSet()
    {
        var orders = RdpOrders.Default;

        Assert.Equal(151, orders.Count);
        Assert.Equal(1.1, orders[0], 15);
        Assert.Equal(10.9, orders[98], 15);
        Assert.Equal(12, orders[99]);
        Assert.Equal(63, orders[^1]);
    }

    [Property(MaxTest = 12)]
    public bool CalibratedNoiseMeetsTheTargetAndOneToleranceLessDoesNot(PositiveInt epsilonSeed, PositiveInt rateSeed, PositiveInt stepsSeed)
    {
        double[] targets = [0.5, 1, 2, 3, 8];
        double[] rates = [0.001, 0.01, 0.04, 0.1];
        long[] steps = [10, 100, 1000, 5000];
        var target = targets[epsilonSeed.Get % targets.Length];
        var q = rates[rateSeed.Get % rates.Length];
        var n = steps[stepsSeed.Get % steps.Length];
        const double Tolerance = 1e-3;

        var sigma = NoiseCalibration.NoiseMultiplier(target, Delta, q, n, Tolerance);

        return Epsilon(q, sigma, n) <= target && Epsilon(q, sigma - Tolerance, n) > target;
    }

    [Fact]
    public void CalibrationNeedsNoNoiseWhenNobodyIsSampledAndRefusesAnUnreachableTarget()
    {
        Assert.Equal(0, NoiseCalibration.NoiseMultiplier(1, Delta, 0.0, 1000));
        Assert.Equal(0, NoiseCalibration.NoiseMultiplier(1, Delta, 0.1, 0));
        // With orders up to 63, even infinite noise leaves ε ≥ (log(1/δ) − log 63)/62 + log(62/63) ≈ 0.10.
        Assert.Throws<ArgumentException>(() => NoiseCalibration.NoiseMultiplier(0.05, Delta, 0.01, 100));
    }

    [Theory]
    [InlineData(1.1, 0.01, 3.0)]
    [InlineData(1.5, 0.04, 7.32911117143)]
    [InlineData(0.8, 0.1, 5.0)]
    public void MaxStepsIsTheLastStepWithinTheBudget(double sigma, double q, double budget)
    {
        var n = NoiseCalibration.MaxSteps(sigma, q, Delta, budget);

        Assert.True(n > 0);
        Assert.True(Epsilon(q, sigma, n) <= budget);
        Assert.True(Epsilon(q, sigma, n + 1) > budget);
    }

    [Fact]
    public void OpacusTestRunFitsItsOwnEpsilonExactly()
    {
        // 2250 steps at (q = 0.04, σ = 1.5) spend ε ≈ 7.3291 (Opacus' test value): a budget just
        // above allows exactly those steps, just below one fewer.
        var spent = new RdpAccountant().Step(0.04, 1.5, 2250).Epsilon(Delta);

        Assert.Equal(2250, NoiseCalibration.MaxSteps(1.5, 0.04, Delta, spent + 1e-9));
        Assert.Equal(2249, NoiseCalibration.MaxSteps(1.5, 0.04, Delta, spent - 1e-9));
    }

    [Fact]
    public void StepsWithinCountsFromWhatHasBeenSpent()
    {
        var fresh = NoiseCalibration.MaxSteps(1.1, 0.01, Delta, 3.0);
        var halfway = new RdpAccountant().Step(0.01, 1.1, fresh / 2);

        var left = halfway.StepsWithin(0.01, 1.1, Delta, 3.0);

        Assert.Equal(fresh - fresh / 2, left);
        Assert.Equal(0, halfway.Step(0.01, 1.1, left + 1).StepsWithin(0.01, 1.1, Delta, 3.0));
        Assert.Equal(long.MaxValue, halfway.StepsWithin(0.0, 1.1, Delta, 3.0));
    }

    private static double Epsilon(double q, double sigma, long steps) => new RdpAccountant().Step(q, sigma, steps).Epsilon(Delta);
}
