using Nethereum.Signer;

namespace OrleansAI.Node.Tests;

public sealed class SimulatedServingTests
{
    [Fact]
    public void ALiarReversesEachRowsScores()
    {
        float[] scores = [1, 2, 3, 4, 5, 6];

        LyingAnswers.Instance.Answer(scores, 2, 3);

        Assert.Equal([3, 2, 1, 6, 5, 4], scores);
    }

    [Fact]
    public void ASimulatedProviderLiesOnlyWhenItsMisbehaviourSaysSo()
    {
        var data = new LocalData("tiny", TestData.Examples([0, 1]), TestData.Examples([1]));
        var misbehavior = new Misbehavior { Behavior = ClientBehavior.SignFlip, Lie = true };

        using var liar = SimulatedProvider.Context(EthECKey.GenerateKey(), data, new AgentSettings(), 1, misbehavior);
        using var honest = SimulatedProvider.Context(EthECKey.GenerateKey(), data, new AgentSettings(), 1, new Misbehavior());

        Assert.Same(LyingAnswers.Instance, liar.Answers);
        Assert.Same(misbehavior, Assert.IsType<SimulatedConduct>(liar.Conduct).Misbehavior);
        Assert.Same(HonestInference.Instance, honest.Answers);
    }
}
