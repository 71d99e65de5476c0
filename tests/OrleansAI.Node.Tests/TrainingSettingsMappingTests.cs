using OrleansAI.Node;

namespace OrleansAI.Node.Tests;

public sealed class TrainingSettingsMappingTests
{
    [Fact]
    public void EveryTrainingSettingReachesTheTrainersOptions()
    {
        var settings = new Protocol.TrainingSettings
        {
            LocalEpochs = 3,
            LearningRate = 0.05,
            BatchSize = 17,
            ProximalMu = 0.2,
            Compression = "int8",
            WeightDecay = 0.0005,
            Optimizer = "sgd",
        };

        var options = TrainingSettingsMapping.ToOptions(settings);

        Assert.Equal(OptimizerKind.Sgd, options.Optimizer);
        Assert.Equal(3, options.Epochs);
        Assert.Equal(0.05, options.LearningRate);
        Assert.Equal(17, options.BatchSize);
        Assert.Equal(0.2, options.ProximalMu);
        Assert.Equal(0.0005, options.WeightDecay);
        options.Validate();
    }

    [Fact]
    public void AnUnknownOptimizerTrainsWithAdam() =>
        Assert.Equal(OptimizerKind.Adam, TrainingSettingsMapping.ToOptions(new Protocol.TrainingSettings { Optimizer = "lion", LocalEpochs = 1, BatchSize = 1, LearningRate = 0.1 }).Optimizer);

    [Fact]
    public void SettingsWithoutEpochsAreRefusedByTheTrainer() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TrainingSettingsMapping.ToOptions(new Protocol.TrainingSettings { LearningRate = 0.1, BatchSize = 8 }).Validate());
}
