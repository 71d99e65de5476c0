namespace OrleansAI.Federation.Tests.Verification;

public sealed class ReplicaVerdictsTests
{
    private const string Runtime = "rt/threads=1/deterministic";
    private static readonly float[] Start = [0f, 0f, 0f];
    private static readonly float[] Right = [0.1f, -0.2f, 0.3f];
    private static readonly float[] Wrong = [-0.1f, 0.2f, -0.3f];

    [Fact]
    public void TheVerifierIsRightAndEveryResultThatDiffersFromItIsProvenWrong()
    {
        var decision = Decide(false, ("v", Right, true), ("a", Right, false), ("b", Wrong, false));

        Assert.Equal("v", decision.AcceptedId);
        Assert.Equal([ReplicaStanding.Agreed, ReplicaStanding.Agreed, ReplicaStanding.ProvenWrong], decision.Verdicts.Select(v => v.Standing));
        Assert.Equal("v", Assert.Single(decision.ProvenWrong).Against);
    }

    [Fact]
    public void AVerifierThatDisagreesWithAUnanimousMajorityStillDecides()
    {
        // Two colluders agreeing on a wrong answer do not outvote the platform's verifier.
        var decision = Decide(false, ("a", Wrong, false), ("b", Wrong, false), ("v", Right, true));

        Assert.Equal(["a", "b"], decision.ProvenWrong.Select(v => v.Id));
    }

    [Fact]
    public void ALoneResultIsUnchecked()
    {
        var decision = Decide(true, ("a", Right, false));

        Assert.Equal(("a", ReplicaStanding.Unchecked), (decision.AcceptedId, decision.Verdicts[0].Standing));
    }

    [Fact]
    public void TwoDisagreeingResultsWaitForTheVerifierWhenThereIsOne()
    {
        var decision = Decide(true, ("a", Right, false), ("b", Wrong, false));

        Assert.True(decision.NeedsVerifier);
        Assert.Null(decision.AcceptedId);
        Assert.All(decision.Verdicts, v => Assert.Equal(ReplicaStanding.Unresolved, v.Standing));
    }

    [Fact]
    public void WithoutAVerifierATieSettlesNothingAndTwoAgainstOneIsProof()
    {
        var tie = Decide(false, ("a", Right, false), ("b", Wrong, false));
        var majority = Decide(false, ("a", Right, false), ("b", Wrong, false), ("c", Right, false));

        Assert.False(tie.NeedsVerifier);
        Assert.Null(tie.AcceptedId);
        Assert.Empty(tie.ProvenWrong);
        Assert.Equal("a", majority.AcceptedId);
        Assert.Equal("b", Assert.Single(majority.ProvenWrong).Id);
    }

    [Fact]
    public void EvenWithAVerifierAvailableAgreementNeedsNoReplay()
    {
        var decision = Decide(true, ("a", Right, false), ("b", Right, false));

        Assert.False(decision.NeedsVerifier);
        Assert.All(decision.Verdicts, v => Assert.Equal(ReplicaStanding.Agreed, v.Standing));
    }

    [Fact]
    public void DuplicateIdsAreRefused() =>
        Assert.Throws<ArgumentException>(() => Decide(false, ("a", Right, false), ("a", Right, false)));

    private static ReplicaDecision Decide(bool verifierAvailable, params (string Id, float[] Values, bool Trusted)[] results) =>
        ReplicaVerdicts.Decide(Start, [.. results.Select(r => new ReplicaResult(r.Id, r.Values, Runtime, r.Trusted))], TrainingTolerance.Default, verifierAvailable);
}
