using OrleansAI.Federation.Adversarial;
using OrleansAI.Simulation;

namespace OrleansAI.Simulation.Tests;

public sealed class AttackTests
{
    private static readonly float[] Global = [1, 2, 3];
    private static readonly float[] Honest = [2, 2, 1];

    [Fact]
    public void SignFlipSendsTheHonestChangeReversed() =>
        Assert.Equal([0f, 2f, 5f], Attacks.SignFlip(Global, Honest));

    [Fact]
    public void ScaledSendsTheHonestChangeMultiplied() =>
        Assert.Equal([11f, 2f, -17f], Attacks.Scaled(Global, Honest, 10));

    [Fact]
    public void GaussianNoiseIsCentredOnTheGlobalModelWithTheGivenSpread()
    {
        var samples = Enumerable.Range(0, 4000).Select(i => Attacks.GaussianNoise(Global, 0.5, new Random(i))[0] - 1.0).ToArray();

        Assert.Equal(0, samples.Average(), 1);
        Assert.Equal(0.5, Math.Sqrt(samples.Select(s => s * s).Average()), 1);
    }

    [Fact]
    public void LittleIsEnoughShiftsTheHonestMeanByZStandardDeviations()
    {
        float[][] honest = [[0, 10], [2, 10], [4, 10]];
        var z = Attacks.LittleIsEnoughShift(clients: 10, attackers: 3);

        var sent = Attacks.LittleIsEnough(honest, clients: 10, attackers: 3);

        // s = ⌊10/2 + 1⌋ − 3 = 3, z = Φ⁻¹(7/10) ≈ 0.5244.
        Assert.Equal(0.5244, z, 3);
        Assert.Equal(2 - z * Math.Sqrt(8.0 / 3), sent[0], 4);
        Assert.Equal(10f, sent[1]);
    }

    [Theory]
    [InlineData(0.5, 0)]
    [InlineData(0.975, 1.959964)]
    [InlineData(0.01, -2.326348)]
    [InlineData(0.999, 3.090232)]
    public void TheNormalQuantileMatchesTables(double p, double expected) =>
        Assert.Equal(expected, NormalQuantile.Of(p), 5);

    [Fact]
    public void AttackersAreTheLastShareOfClients()
    {
        var attackers = Simulator.Attackers(10, 0.3, ClientBehavior.Lazy);

        Assert.Equal([7, 8, 9], attackers.Keys.Order());
        Assert.All(attackers.Values, b => Assert.Equal(ClientBehavior.Lazy, b));
    }
}
