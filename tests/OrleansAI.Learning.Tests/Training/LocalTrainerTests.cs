namespace OrleansAI.Learning.Tests.Training;

public sealed class LocalTrainerTests
{
    // Every layer type with state or randomness: convolution, batch norm (running statistics), dropout.
    private static readonly ModelPlan Plan = ModelSpecJson.ParseAndPlan("""
        {"name":"small","inputShape":[1,6,6],"classes":3,"layers":[
          {"type":"conv2d","outChannels":4,"kernelSize":3,"padding":1},{"type":"batchnorm2d"},{"type":"relu"},
          {"type":"maxpool2d","kernelSize":2},{"type":"flatten"},{"type":"dropout","p":0.2},
          {"type":"linear","outFeatures":16},{"type":"batchnorm1d"},{"type":"gelu"},{"type":"linear","outFeatures":3}]}
        """);

    private static readonly TrainingOptions Deterministic = new()
    {
        Optimizer = OptimizerKind.Adam,
        LearningRate = 0.01,
        Epochs = 2,
        BatchSize = 16,
        Seed = 42,
        Deterministic = true,
        Device = ComputeDevice.Cpu,
    };

    [Fact]
    public void TwoDeterministicRunsGiveBitIdenticalWeights()
    {
        var data = SyntheticData.Blobs(200, [1, 6, 6], 3, seed: 1);
        var initial = TorchWeights.Initialize(Plan, seed: 5);

        var first = LocalTrainer.Train(initial, data, Deterministic);
        var second = LocalTrainer.Train(initial, data, Deterministic);

        Assert.Equal(first.Weights.Sha256(), second.Weights.Sha256());
        Assert.NotEqual(initial.Sha256(), first.Weights.Sha256());
    }

    [Fact]
    public void ADifferentSeedGivesDifferentWeights()
    {
        var data = SyntheticData.Blobs(200, [1, 6, 6], 3, seed: 1);
        var initial = TorchWeights.Initialize(Plan, seed: 5);

        var first = LocalTrainer.Train(initial, data, Deterministic);
        var other = LocalTrainer.Train(initial, data, Deterministic with { Seed = 43 });

        Assert.NotEqual(first.Weights.Sha256(), other.Weights.Sha256());
    }

    [Fact]
    public void SeededInitialisationIsReproducible()
    {
        Assert.Equal(TorchWeights.Initialize(Plan, 9).Sha256(), TorchWeights.Initialize(Plan, 9).Sha256());
        Assert.NotEqual(TorchWeights.Initialize(Plan, 9).Sha256(), TorchWeights.Initialize(Plan, 10).Sha256());
    }

    [Fact]
    public void TrainingLearnsSeparableClassesAndReportsWhatItDid()
    {
        var train = SyntheticData.Blobs(300, [1, 6, 6], 3, seed: 2);
        var test = SyntheticData.Blobs(90, [1, 6, 6], 3, seed: 2);

        var result = LocalTrainer.Train(TorchWeights.Initialize(Plan, 1), train, Deterministic with { Epochs = 3 });
        var logits = Predictor.Logits(result.Weights, test);

        Assert.Equal(900, result.ExamplesSeen);
        Assert.Equal(3 * 19, result.Steps);
        Assert.Equal(3, result.EpochLosses.Count);
        Assert.True(result.EpochLosses[^1] < result.EpochLosses[0], $"loss went from {result.EpochLosses[0]} to {result.EpochLosses[^1]}");
        Assert.Equal("cpu", result.Device);
        Assert.True(Accuracy(logits, test.Labels, 3) > 0.9);
    }

    [Fact]
    public void AProximalTermKeepsLocalWeightsCloserToTheGlobalModel()
    {
        var data = SyntheticData.Blobs(200, [1, 6, 6], 3, seed: 3);
        var global = TorchWeights.Initialize(Plan, 4);
        var sgd = Deterministic with { Optimizer = OptimizerKind.Sgd, LearningRate = 0.05, Epochs = 3 };

        var free = LocalTrainer.Train(global, data, sgd);
        var proximal = LocalTrainer.Train(global, data, sgd with { ProximalMu = 5 });

        Assert.True(Distance(proximal.Weights, global) < Distance(free.Weights, global), $"proximal {Distance(proximal.Weights, global)} vs free {Distance(free.Weights, global)}");
    }

    [Fact]
    public void MaxStepsBoundsTheWork()
    {
        var data = SyntheticData.Blobs(200, [1, 6, 6], 3, seed: 1);

        var result = LocalTrainer.Train(TorchWeights.Initialize(Plan, 1), data, Deterministic with { MaxSteps = 5 });

        Assert.Equal(5, result.Steps);
        Assert.Equal(80, result.ExamplesSeen);
    }

    [Fact]
    public void DataOfTheWrongShapeIsRefused()
    {
        var data = SyntheticData.Blobs(20, [1, 5, 5], 3, seed: 1);

        var error = Assert.Throws<ArgumentException>(() => LocalTrainer.Train(TorchWeights.Initialize(Plan, 1), data, Deterministic));

        Assert.Contains("examples are 1x5x5 but the model takes 1x6x6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadedWeightsReproduceTheModuleOutputsExactly()
    {
        var data = SyntheticData.Blobs(32, [1, 6, 6], 3, seed: 1);
        var trained = LocalTrainer.Train(TorchWeights.Initialize(Plan, 1), data, Deterministic).Weights;
        var reloaded = ModelWeights.FromSafetensors(Plan, trained.ToSafetensors());

        var direct = Predictor.Logits(trained, data);
        var viaFile = Predictor.Logits(reloaded, data);

        Assert.Equal(direct.Select(BitConverter.SingleToInt32Bits), viaFile.Select(BitConverter.SingleToInt32Bits));
    }

    private static double Accuracy(float[] logits, int[] labels, int classes)
    {
        var correct = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var row = logits.AsSpan(i * classes, classes);
            var best = 0;
            for (var c = 1; c < classes; c++)
            {
                if (row[c] > row[best])
                {
                    best = c;
                }
            }

            correct += best == labels[i] ? 1 : 0;
        }

        return correct / (double)labels.Length;
    }

    // Over trainable tensors only: the proximal term does not touch batch-norm statistics.
    private static double Distance(ModelWeights a, ModelWeights b) => Math.Sqrt(a.Plan.Parameters
        .Where(p => p.Role == ParameterRole.Trainable)
        .Sum(p => a.Values.AsSpan(p.Offset, p.Length).ToArray().Zip(b.Values.AsSpan(p.Offset, p.Length).ToArray(), (x, y) => (double)(x - y) * (x - y)).Sum()));
}
