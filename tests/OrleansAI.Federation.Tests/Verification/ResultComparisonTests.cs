namespace OrleansAI.Federation.Tests.Verification;

public sealed class ResultComparisonTests
{
    private const string Deterministic = "torchsharp-0.107/cpu-avx2/threads=1/deterministic";
    private static readonly float[] Start = [0f, 0f, 0f, 0f];

    [Fact]
    public void ResultsOfOneDeterministicRuntimeAreComparedBitForBit()
    {
        Assert.True(ResultComparison.IsBitwise(Deterministic, Deterministic));
        Assert.False(ResultComparison.IsBitwise(Deterministic, "torchsharp-0.107/cpu-avx2/threads=2"));
        Assert.False(ResultComparison.IsBitwise("torchsharp-0.107/cpu-avx2/threads=2", "torchsharp-0.107/cpu-avx2/threads=2"));
        Assert.False(ResultComparison.IsBitwise("", ""));
        // The token must be a whole path segment, not a substring of one.
        Assert.False(ResultComparison.IsBitwise("x/nondeterministic", "x/nondeterministic"));
    }

    [Fact]
    public void OneUlpApartIsADisagreementBitwiseButAgreementWithinTolerance()
    {
        float[] a = [0.5f, -0.25f, 0.125f, 1f];
        var b = (float[])a.Clone();
        b[2] = MathF.BitIncrement(b[2]);

        var bitwise = ResultComparison.Compare(Start, new ReplicaResult("a", a, Deterministic), new ReplicaResult("b", b, Deterministic), TrainingTolerance.Default);
        var tolerant = ResultComparison.Compare(Start, new ReplicaResult("a", a, Deterministic), new ReplicaResult("b", b, "other"), TrainingTolerance.Default);

        Assert.Equal((false, ComparisonMethod.Bitwise), (bitwise.Agree, bitwise.Method));
        Assert.Equal((true, ComparisonMethod.Tolerance), (tolerant.Agree, tolerant.Method));
    }

    [Fact]
    public void IdenticalResultsAgreeEvenWhenNothingWasLearned()
    {
        var match = ResultComparison.Compare(Start, new ReplicaResult("a", [.. Start], Deterministic), new ReplicaResult("b", [.. Start], Deterministic), TrainingTolerance.Default);

        Assert.True(match.Agree);
        Assert.Equal(1, match.Cosine);
        Assert.Equal(0, match.MaxAbsDifference);
    }

    [Fact]
    public void ToleranceNeedsBothTheDirectionAndEveryWeightClose()
    {
        var tolerance = new TrainingTolerance(0.99, 0.05);
        float[] honest = [1f, 1f, 1f, 1f];
        // Same direction, but one weight off by 0.1: fails the max-abs bound.
        float[] stretched = [1f, 1f, 1f, 1.1f];
        // Every weight within 0.05, but from a tiny update pointing elsewhere: fails the cosine.
        float[] small = [0.01f, -0.01f, 0.01f, -0.01f];
        float[] otherSmall = [-0.01f, 0.01f, -0.01f, 0.01f];

        Assert.False(ResultComparison.Compare(Start, new ReplicaResult("a", honest, ""), new ReplicaResult("b", stretched, ""), tolerance).Agree);
        Assert.False(ResultComparison.Compare(Start, new ReplicaResult("a", small, ""), new ReplicaResult("b", otherSmall, ""), tolerance).Agree);
        Assert.True(ResultComparison.Compare(Start, new ReplicaResult("a", honest, ""), new ReplicaResult("b", [1f, 1f, 1.01f, 1f], ""), tolerance).Agree);
    }

    [Fact]
    public void ANonFiniteOrMisshapenResultNeverAgrees()
    {
        float[] good = [1f, 2f, 3f, 4f];
        float[] nan = [1f, float.NaN, 3f, 4f];

        Assert.False(ResultComparison.Compare(Start, new ReplicaResult("a", good, ""), new ReplicaResult("b", nan, ""), TrainingTolerance.Default).Agree);
        Assert.False(ResultComparison.Compare(Start, new ReplicaResult("a", good, ""), new ReplicaResult("b", [1f, 2f, 3f], ""), TrainingTolerance.Default).Agree);
    }

    [Fact]
    public void AToleranceOutsideItsRangeIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingTolerance(0, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingTolerance(1.5, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingTolerance(0.9, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingTolerance(0.9, double.PositiveInfinity));
    }
}
