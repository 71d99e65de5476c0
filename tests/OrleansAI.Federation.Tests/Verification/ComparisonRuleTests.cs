namespace OrleansAI.Federation.Tests.Verification;

public sealed class ComparisonRuleTests
{
    [Fact]
    public void ArgmaxAgreesWhenEveryRowPicksTheSameClassWhateverTheScores()
    {
        float[] a = [0.1f, 0.7f, 0.2f, 0.9f, 0.05f, 0.05f];
        float[] b = [0.3f, 0.4f, 0.3f, 0.5f, 0.2f, 0.3f];

        Assert.True(ComparisonRule.Classifier.Agree(a, b, rows: 2));
    }

    [Fact]
    public void ArgmaxDisagreesWhenAnyOneRowPicksAnotherClass()
    {
        float[] a = [0.1f, 0.7f, 0.2f, 0.9f, 0.05f, 0.05f];
        float[] b = [0.1f, 0.7f, 0.2f, 0.05f, 0.9f, 0.05f];

        Assert.False(ComparisonRule.Classifier.Agree(a, b, rows: 2));
    }

    [Fact]
    public void ArgmaxTiesGoToTheLowestIndex()
    {
        Assert.True(ComparisonRule.Classifier.Agree([1f, 1f, 0f], [1f, 0.5f, 0f], rows: 1));
        Assert.False(ComparisonRule.Classifier.Agree([1f, 1f, 0f], [0.5f, 1f, 0f], rows: 1));
        Assert.True(ComparisonRule.Classifier.Agree([0f, 2f, 2f], [0f, 2f, 1f], rows: 1));
    }

    [Fact]
    public void ArgmaxTreatsEachRowSeparately()
    {
        // As one row the argmax of both would be index 0; as two rows the second rows differ.
        float[] a = [9f, 0f, 1f, 2f];
        float[] b = [9f, 0f, 2f, 1f];

        Assert.True(ComparisonRule.Classifier.Agree(a, b, rows: 1));
        Assert.False(ComparisonRule.Classifier.Agree(a, b, rows: 2));
    }

    [Fact]
    public void ANaNAnywhereInARowMakesArgmaxAgreeWithNothingNotEvenItself()
    {
        float[] poisoned = [0f, 1f, float.NaN, 5f, 1f, 0f];
        float[] clean = [0f, 1f, 0f, 5f, 1f, 0f];

        Assert.False(ComparisonRule.Classifier.Agree(poisoned, clean, rows: 2));
        Assert.False(ComparisonRule.Classifier.Agree(clean, poisoned, rows: 2));
        Assert.False(ComparisonRule.Classifier.Agree(poisoned, poisoned, rows: 2));
    }

    [Fact]
    public void ArgmaxHandlesInfinitiesAsOrdinaryValues()
    {
        Assert.True(ComparisonRule.Classifier.Agree([float.NegativeInfinity, float.PositiveInfinity], [0f, 1f], rows: 1));
        Assert.True(ComparisonRule.Classifier.Agree([float.NegativeInfinity, float.NegativeInfinity], [1f, 1f], rows: 1));
    }

    [Theory]
    [InlineData(ComparisonKind.Argmax)]
    [InlineData(ComparisonKind.MaxAbs)]
    public void OutputsOfDifferentLengthsNeverAgree(ComparisonKind kind)
    {
        var rule = new ComparisonRule(kind, 100);

        Assert.False(rule.Agree([1f, 2f, 3f, 4f], [1f, 2f, 3f, 4f, 5f, 6f], rows: 2));
    }

    [Theory]
    [InlineData(ComparisonKind.Argmax)]
    [InlineData(ComparisonKind.MaxAbs)]
    public void OutputsWhoseLengthIsNotAMultipleOfTheRowsNeverAgree(ComparisonKind kind)
    {
        var rule = new ComparisonRule(kind, 100);
        float[] odd = [1f, 2f, 3f];

        Assert.False(rule.Agree(odd, odd, rows: 2));
        Assert.True(rule.Agree(odd, odd, rows: 3));
    }

    [Theory]
    [InlineData(ComparisonKind.Argmax)]
    [InlineData(ComparisonKind.MaxAbs)]
    public void EmptyOutputsNeverAgree(ComparisonKind kind)
    {
        Assert.False(new ComparisonRule(kind).Agree([], [], rows: 1));
    }

    [Fact]
    public void MaxAbsAgreesUpToAndIncludingTheTolerance()
    {
        var rule = ComparisonRule.Within(0.5);

        Assert.True(rule.Agree([1f, 2f], [1.5f, 1.5f], rows: 1));
        Assert.False(rule.Agree([1f, 2f], [1.5f, 1.4f], rows: 1));
    }

    [Fact]
    public void MaxAbsWithZeroToleranceNeedsBitForBitEqualValues()
    {
        var rule = ComparisonRule.Within(0);

        Assert.True(rule.Agree([1f, -2f], [1f, -2f], rows: 2));
        Assert.False(rule.Agree([1f, -2f], [1f, MathF.BitDecrement(-2f)], rows: 2));
    }

    [Fact]
    public void MaxAbsIgnoresTheRowStructureBeyondTheShape()
    {
        var rule = ComparisonRule.Within(0.1);

        Assert.True(rule.Agree([0f, 9f, 9f, 0f], [0.05f, 9f, 9f, 0f], rows: 2));
    }

    [Fact]
    public void MaxAbsNeverAgreesOnANaN()
    {
        var rule = ComparisonRule.Within(1e30);

        Assert.False(rule.Agree([float.NaN], [float.NaN], rows: 1));
        Assert.False(rule.Agree([float.NaN, 0f], [0f, 0f], rows: 1));
        Assert.False(rule.Agree([0f, 0f], [0f, float.NaN], rows: 1));
    }

    [Fact]
    public void MaxAbsAgreesOnEqualInfinitiesButNotOnAnInfinityAgainstAFiniteValue()
    {
        var rule = ComparisonRule.Within(1e30);

        Assert.True(rule.Agree([float.PositiveInfinity, float.NegativeInfinity], [float.PositiveInfinity, float.NegativeInfinity], rows: 1));
        Assert.False(rule.Agree([float.PositiveInfinity], [float.NegativeInfinity], rows: 1));
        Assert.False(rule.Agree([float.PositiveInfinity], [float.MaxValue], rows: 1));
    }

    [Fact]
    public void MaxAbsMeasuresTheDifferenceWithoutOverflow()
    {
        // In float, MaxValue − (−MaxValue) overflows to infinity; the true difference is what counts.
        var rule = ComparisonRule.Within(double.MaxValue);

        Assert.True(rule.Agree([float.MaxValue], [-float.MaxValue], rows: 1));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void AToleranceMustBeFiniteAndNonNegative(double tolerance)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ComparisonRule.Within(tolerance));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ComparisonRule(ComparisonKind.Argmax, tolerance));
        Assert.Throws<ArgumentOutOfRangeException>(() => ComparisonRule.Within(1) with { Tolerance = tolerance });
    }

    [Fact]
    public void AnUnknownKindIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ComparisonRule((ComparisonKind)7));
        Assert.Throws<ArgumentOutOfRangeException>(() => ComparisonRule.Classifier with { Kind = (ComparisonKind)7 });
    }

    [Fact]
    public void TheClassifierRuleComparesArgmaxAndWithinComparesValues()
    {
        Assert.Equal(new ComparisonRule(ComparisonKind.Argmax), ComparisonRule.Classifier);
        Assert.Equal(new ComparisonRule(ComparisonKind.MaxAbs, 0.25), ComparisonRule.Within(0.25));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void RowsMustBePositive(int rows)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ComparisonRule.Classifier.Agree([1f], [1f], rows));
        Assert.Throws<ArgumentOutOfRangeException>(() => ComparisonRule.Within(1).Agree([1f], [1f], rows));
    }
}
