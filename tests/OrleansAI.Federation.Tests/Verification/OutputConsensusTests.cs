namespace OrleansAI.Federation.Tests.Verification;

public sealed class OutputConsensusTests
{
    private static readonly float[] Cat = [0.9f, 0.1f, 0.0f];
    private static readonly float[] AlsoCat = [0.6f, 0.3f, 0.1f];
    private static readonly float[] Dog = [0.1f, 0.8f, 0.1f];
    private static readonly float[] Bird = [0.1f, 0.1f, 0.8f];

    [Fact]
    public void ThreeReplicasOutvoteOneLiar()
    {
        var outcome = Decide(ComparisonRule.Classifier, Cat, AlsoCat, Dog);

        Assert.Equal(0, outcome.Winner);
        Assert.Equal([0, 1], outcome.Majority);
        Assert.Equal([2], outcome.Dissenters);
        Assert.True(outcome.Resolved);
    }

    [Fact]
    public void ALiarInFirstPlaceDoesNotWinTheTie()
    {
        var outcome = Decide(ComparisonRule.Classifier, Dog, Cat, AlsoCat);

        Assert.Equal(1, outcome.Winner);
        Assert.Equal([1, 2], outcome.Majority);
        Assert.Equal([0], outcome.Dissenters);
    }

    [Fact]
    public void TwoDisagreeingReplicasLeaveTheOutcomeUnresolved()
    {
        var outcome = Decide(ComparisonRule.Classifier, Cat, Dog);

        Assert.Null(outcome.Winner);
        Assert.False(outcome.Resolved);
        Assert.Empty(outcome.Majority);
        Assert.Empty(outcome.Dissenters);
    }

    [Fact]
    public void TwoAgreeingReplicasResolveToTheFirst()
    {
        var outcome = Decide(ComparisonRule.Classifier, Cat, AlsoCat);

        Assert.Equal(0, outcome.Winner);
        Assert.Equal([0, 1], outcome.Majority);
        Assert.Empty(outcome.Dissenters);
    }

    [Fact]
    public void FiveReplicasOutvoteTwoColludingLiars()
    {
        var outcome = Decide(ComparisonRule.Classifier, Dog, Cat, Dog, AlsoCat, Cat);

        Assert.Equal(1, outcome.Winner);
        Assert.Equal([1, 3, 4], outcome.Majority);
        Assert.Equal([0, 2], outcome.Dissenters);
    }

    [Fact]
    public void AnEvenSplitHasNoStrictMajority()
    {
        var outcome = Decide(ComparisonRule.Classifier, Cat, Dog, AlsoCat, Dog);

        Assert.False(outcome.Resolved);
        Assert.Empty(outcome.Majority);
    }

    [Fact]
    public void APluralityWithoutAMajorityIsUnresolved()
    {
        var outcome = Decide(ComparisonRule.Classifier, Cat, AlsoCat, Dog, Bird);

        Assert.False(outcome.Resolved);
    }

    [Fact]
    public void ASingleReplicaWinsByDefault()
    {
        var outcome = Decide(ComparisonRule.Classifier, Dog);

        Assert.Equal(0, outcome.Winner);
        Assert.Equal([0], outcome.Majority);
        Assert.Empty(outcome.Dissenters);
    }

    [Fact]
    public void AReplicaReturningNaNIsADissenter()
    {
        var outcome = Decide(ComparisonRule.Classifier, [float.NaN, 0f, 0f], Cat, AlsoCat);

        Assert.Equal(1, outcome.Winner);
        Assert.Equal([0], outcome.Dissenters);
    }

    [Fact]
    public void AReplicaReturningTheWrongShapeIsADissenter()
    {
        var outcome = Decide(ComparisonRule.Within(1), Cat, Cat, [0.9f, 0.1f]);

        Assert.Equal(0, outcome.Winner);
        Assert.Equal([2], outcome.Dissenters);
    }

    [Fact]
    public void WithToleranceTheReplicaAgreeingWithMostWinsBecauseAgreementIsNotTransitive()
    {
        // 0 agrees with 0.6 and 0.6 with 1.2, but 0 does not agree with 1.2: only the middle one agrees with both.
        var outcome = Decide(ComparisonRule.Within(1), [0f], [0.6f], [1.2f]);

        Assert.Equal(1, outcome.Winner);
        Assert.Equal([0, 1, 2], outcome.Majority);
        Assert.Empty(outcome.Dissenters);
    }

    [Fact]
    public void WithToleranceInAChainTheFirstBestConnectedReplicaWinsWithItsNeighbours()
    {
        // Each agrees only with its neighbours; 1, 2 and 3 tie on two agreements, so 1 wins with 0 and 2: 3 of 5.
        var outcome = Decide(ComparisonRule.Within(1), [0f], [1f], [2f], [3f], [4f]);

        Assert.Equal(1, outcome.Winner);
        Assert.Equal([0, 1, 2], outcome.Majority);
        Assert.Equal([3, 4], outcome.Dissenters);
    }

    [Fact]
    public void BatchedOutputsMustAgreeOnEveryRow()
    {
        float[] honest = [.. Cat, .. Dog];
        float[] liar = [.. Cat, .. Bird];

        var outcome = Decide(ComparisonRule.Classifier, honest, liar, honest, rows: 2);

        Assert.Equal(0, outcome.Winner);
        Assert.Equal([1], outcome.Dissenters);
    }

    [Fact]
    public void NoOutputsIsAnError()
    {
        Assert.Throws<ArgumentException>(() => OutputConsensus.Decide([], 1, ComparisonRule.Classifier));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void RowsMustBePositive(int rows)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OutputConsensus.Decide([Cat], rows, ComparisonRule.Classifier));
    }

    private static ConsensusOutcome Decide(ComparisonRule rule, params float[][] outputs) => Decide(rule, outputs, 1);

    private static ConsensusOutcome Decide(ComparisonRule rule, float[] a, float[] b, float[] c, int rows) => Decide(rule, [a, b, c], rows);

    private static ConsensusOutcome Decide(ComparisonRule rule, float[][] outputs, int rows) =>
        OutputConsensus.Decide([.. outputs.Select(o => new ReadOnlyMemory<float>(o))], rows, rule);
}
