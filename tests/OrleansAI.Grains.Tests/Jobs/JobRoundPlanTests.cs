using OrleansAI.Grains.Jobs;

namespace OrleansAI.Grains.Tests.Jobs;

public sealed class JobRoundPlanTests
{
    private static JobDefinition Job(string strategy, double proximalMu = 0) => new(
        "job", "{}", "fashion", Rounds: 3, strategy, MinProviders: 4, FractionPerRound: 0.5,
        new TrainingSettings(LocalEpochs: 2, LearningRate: 0.01, BatchSize: 32, ProximalMu: proximalMu, WeightDecay: 0.001),
        "0", DateTimeOffset.UnixEpoch, Quorum: 3);

    private static TrainingJobState State() => new() { CurrentWeights = new ContentReference(new string('a', 64), 10) };

    [Fact]
    public void TheStrategysFitConfigReachesEveryTrainingRound()
    {
        var config = JobRoundPlan.For("j", Job("fedprox:0.3"), State(), 2);

        Assert.Equal(0.3, config.Training.ProximalMu);
        Assert.Equal(0.001, config.Training.WeightDecay);
        Assert.Equal(TaskKind.Train, config.Kind);
    }

    [Fact]
    public void AStrategyWithoutFitConfigLeavesTheJobsSettingsAsSubmitted()
    {
        var job = Job("fedavg", proximalMu: 0.05);

        Assert.Equal(job.Training, JobRoundPlan.For("j", job, State(), 1).Training);
    }

    [Fact]
    public void TheFinalRoundEvaluatesEveryQualifyingProviderWithTheJobsSettings()
    {
        var job = Job("fedprox:0.3");

        var config = JobRoundPlan.For("j", job, State(), 4);

        Assert.Equal(TaskKind.Evaluate, config.Kind);
        Assert.Equal(1.0, config.FractionPerRound);
        Assert.Equal(1, config.Quorum);
        Assert.Equal(job.Training, config.Training);
    }

    [Fact]
    public void EveryRoundOfAJobGetsItsOwnSeedFromTheJobsId()
    {
        var job = Job("fedavg");

        Assert.Equal(JobRoundPlan.Seed("j") + 1, JobRoundPlan.For("j", job, State(), 1).Seed);
        Assert.NotEqual(JobRoundPlan.Seed("j"), JobRoundPlan.Seed("k"));
    }

    [Fact]
    public void AFitSettingProvidersCannotHonourIsAnError() =>
        Assert.Throws<InvalidOperationException>(() => FitSettings.Apply(new TrainingSettings(), new Dictionary<string, double> { ["momentum"] = 0.9 }));
}
