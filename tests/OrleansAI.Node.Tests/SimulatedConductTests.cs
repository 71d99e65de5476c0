namespace OrleansAI.Node.Tests;

/// <summary>Each simulated attack, played through the conduct hooks, does to a task what the node once did itself.</summary>
public sealed class SimulatedConductTests
{
    private static readonly float[] Global = [1f, 2f, 3f];
    private static readonly float[] Trained = [1.5f, 1f, 3.25f];

    private static ITaskConduct Conduct(ClientBehavior behavior, double cheatRate = 1, bool shared = false, Random? random = null) =>
        new SimulatedConduct(new Misbehavior { Behavior = behavior, CheatRate = cheatRate }).ForTask(TestData.Task(shared), random ?? new Random(1));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnHonestSimulatedProviderDoesWhatTheHonestConductDoes(bool shared)
    {
        var data = TestData.Examples([0, 1, 2]);
        var conduct = Conduct(ClientBehavior.Honest, shared: shared);

        Assert.Same(data, conduct.TrainingData(data));
        Assert.Null(conduct.StepLimit(10));
        Assert.True(conduct.Trains);
        Assert.Null(await conduct.ReplacementPayloadAsync(CancellationToken.None));
        Assert.Equal(Trained, conduct.Parameters(Global, Trained));
        Assert.Equal(37, conduct.ClaimedExamples(37, 100));
    }

    [Fact]
    public void TheShirkerTrainsHalfTheStepsAtLeastOneAndClaimsTheFullWork()
    {
        var conduct = Conduct(ClientBehavior.Shirker);

        Assert.Equal(5, conduct.StepLimit(10));
        Assert.Equal(3, conduct.StepLimit(7));
        Assert.Equal(1, conduct.StepLimit(1));
        Assert.True(conduct.Trains);
        Assert.Equal(Trained, conduct.Parameters(Global, Trained));
        Assert.Equal(100, conduct.ClaimedExamples(50, 100));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ALabelFlipperTrainsOnEveryLabelTurnedAround(bool shared)
    {
        var data = TestData.Examples([0, 1, 4, 2], classes: 5);

        var flipped = Conduct(ClientBehavior.LabelFlip, shared: shared).TrainingData(data);

        Assert.Equal([4, 3, 0, 2], flipped.Labels);
        Assert.Same(data.Features, flipped.Features);
        Assert.Equal([0, 1, 4, 2], data.Labels);
    }

    [Fact]
    public void ALabelFlipperHoldsFlippedLocalDataOnEveryTaskButFlipsAShardOnlyOnTheTasksItCheatsOn()
    {
        var data = TestData.Examples([0, 1], classes: 2);
        // A seed whose first draw is 0.5 or more: an honest task at cheat rate 0.5.
        var seed = Enumerable.Range(1, 100).First(s => new Random(s).NextDouble() >= 0.5);

        var local = Conduct(ClientBehavior.LabelFlip, cheatRate: 0.5, random: new Random(seed)).TrainingData(data);
        var shard = Conduct(ClientBehavior.LabelFlip, cheatRate: 0.5, shared: true, random: new Random(seed)).TrainingData(data);

        Assert.Equal([1, 0], local.Labels);
        Assert.Same(data, shard);
    }

    [Fact]
    public void TheSignFlipperHandsInTheOppositeChange()
    {
        var parameters = Conduct(ClientBehavior.SignFlip).Parameters(Global, Trained);

        Assert.Equal([0.5f, 3f, 2.75f], parameters);
        Assert.Equal(Attacks.SignFlip(Global, Trained), parameters);
    }

    [Fact]
    public void TheScalingProviderHandsInItsChangeTimesItsFactor()
    {
        var conduct = new SimulatedConduct(new Misbehavior { Behavior = ClientBehavior.Scaled, ScaleFactor = 3 }).ForTask(TestData.Task(), new Random(1));

        Assert.Equal([2.5f, -1f, 3.75f], conduct.Parameters(Global, Trained));
        Assert.Equal(Attacks.Scaled(Global, Trained, 10), Conduct(ClientBehavior.Scaled).Parameters(Global, Trained));
    }

    [Fact]
    public void TheLazyProviderSkipsTrainingAndHandsInACopyOfTheGlobalModelClaimingTheFullWork()
    {
        var conduct = Conduct(ClientBehavior.Lazy);

        var parameters = conduct.Parameters(Global, Global);

        Assert.False(conduct.Trains);
        Assert.Equal(Global, parameters);
        Assert.NotSame(Global, parameters);
        Assert.Equal(100, conduct.ClaimedExamples(0, 100));
    }

    [Fact]
    public void TheNoiseProviderSkipsTrainingAndHandsInTheGlobalModelPlusUnitGaussianNoiseFromItsSeed()
    {
        var conduct = Conduct(ClientBehavior.GaussianNoise, random: new Random(5));

        var parameters = conduct.Parameters(Global, Global);

        Assert.False(conduct.Trains);
        Assert.Equal(Attacks.GaussianNoise(Global, 1.0, new Random(5)), parameters);
        Assert.NotEqual(Global, parameters);
        Assert.Equal(100, conduct.ClaimedExamples(0, 100));
    }

    [Fact]
    public void AnIntermittentCheaterDecidesEachTaskByOneDrawFromTheProvidersRandomness()
    {
        var random = new Random(7);
        var draws = new Random(7);
        var conduct = new SimulatedConduct(new Misbehavior { Behavior = ClientBehavior.Shirker, CheatRate = 0.3 });

        var cheated = Enumerable.Range(0, 50).Select(_ => conduct.ForTask(TestData.Task(), random).StepLimit(10) is not null).ToList();

        Assert.Equal(Enumerable.Range(0, 50).Select(_ => draws.NextDouble() < 0.3), cheated);
        Assert.Contains(true, cheated);
        Assert.Contains(false, cheated);
    }

    [Fact]
    public void AFullTimeCheaterDrawsNothingToDecide()
    {
        var random = new Random(9);

        Conduct(ClientBehavior.Shirker, random: random);

        Assert.Equal(new Random(9).Next(), random.Next());
    }
}
