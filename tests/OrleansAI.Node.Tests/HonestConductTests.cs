using Nethereum.Signer;

namespace OrleansAI.Node.Tests;

public sealed class HonestConductTests
{
    private static readonly float[] Global = [1f, 2f, 3f];
    private static readonly float[] Trained = [1.5f, 1f, 3.25f];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TheHonestConductLeavesDataStepsParametersAndClaimsAsTheyAre(bool shared)
    {
        var data = TestData.Examples([0, 1, 2, 3]);
        var conduct = HonestConduct.Instance.ForTask(TestData.Task(shared), new Random(1));

        Assert.Same(data, conduct.TrainingData(data));
        Assert.Null(conduct.StepLimit(10));
        Assert.True(conduct.Trains);
        Assert.Null(await conduct.ReplacementPayloadAsync(CancellationToken.None));
        Assert.Same(Trained, conduct.Parameters(Global, Trained));
        Assert.Equal(37, conduct.ClaimedExamples(37, 100));
    }

    [Fact]
    public void TheHonestConductDrawsNothingFromTheProvidersRandomness()
    {
        // The provider's randomness also seeds its result compression: honesty must not shift it.
        var random = new Random(11);

        var conduct = HonestConduct.Instance.ForTask(TestData.Task(), random);
        conduct.Parameters(Global, Trained);
        conduct.HandedIn([1, 2, 3]);

        Assert.Equal(new Random(11).Next(), random.Next());
    }

    [Fact]
    public void AProviderContextIsHonestUnlessItsHostSaysOtherwise()
    {
        using var context = new ProviderContext(EthECKey.GenerateKey(), new LocalData("tiny", TestData.Examples([0, 1]), TestData.Examples([1])), new AgentSettings(), 1);

        Assert.Same(HonestConduct.Instance, context.Conduct);
        Assert.Same(HonestInference.Instance, context.Answers);
    }

    [Fact]
    public void HonestAnswersAreTheModelsScores()
    {
        float[] scores = [1, 2, 3, 4, 5, 6];

        HonestInference.Instance.Answer(scores, 2, 3);

        Assert.Equal([1, 2, 3, 4, 5, 6], scores);
    }
}
