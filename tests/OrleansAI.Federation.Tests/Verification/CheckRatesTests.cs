namespace OrleansAI.Federation.Tests.Verification;

public sealed class CheckRatesTests
{
    [Theory]
    [InlineData(0.65)]
    [InlineData(0.9)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void NewAndReputableProvidersAreCheckedAtTheJobsRate(double reputation) =>
        Assert.Equal(0.05, CheckRates.Rate(0.05, reputation), 12);

    [Fact]
    public void TheBoostGrowsAsReputationFallsAndStopsAtItsMaximum()
    {
        var previous = 1.0;
        for (var r = 0.59; r >= 0; r -= 0.01)
        {
            var boost = CheckRates.Boost(r);
            Assert.True(boost > previous);
            previous = boost;
        }

        Assert.Equal(CheckRates.MaxBoost, CheckRates.Boost(0), 12);
        Assert.Equal(CheckRates.MaxBoost, CheckRates.Boost(-1), 12);
    }

    [Fact]
    public void ARateNeverExceedsOne() => Assert.Equal(1, CheckRates.Rate(0.5, 0));
}
