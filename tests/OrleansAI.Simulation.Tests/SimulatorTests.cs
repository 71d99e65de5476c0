using OrleansAI.Federation;
using OrleansAI.Federation.Adversarial;
using OrleansAI.Federation.Compression;
using OrleansAI.Learning.Data;
using OrleansAI.Models.Specs;
using OrleansAI.Simulation;
using OrleansAI.Models.Data;

namespace OrleansAI.Simulation.Tests;

public sealed class SimulatorTests
{
    private static readonly ModelPlan Mlp = ModelSpecJson.ParseAndPlan("""
        {"name":"sim","inputShape":[8],"classes":3,"layers":[{"type":"linear","outFeatures":16},{"type":"relu"},{"type":"linear","outFeatures":3}]}
        """);

    [Fact]
    public void HonestClientsLearnTogetherRoundByRound()
    {
        var result = Simulator.Run(Options("fedavg", rounds: 4));

        Assert.Equal(4, result.Rounds.Count);
        Assert.True(result.FinalAccuracy > 0.9, $"accuracy {result.FinalAccuracy}");
        Assert.All(result.Rounds, r => Assert.Equal(5, r.Used));
        Assert.Equal(1, result.RoundsToTarget);
    }

    [Fact]
    public void TheSameSeedReproducesTheSameJob()
    {
        var first = Simulator.Run(Options("fedavg", rounds: 2));
        var second = Simulator.Run(Options("fedavg", rounds: 2));

        Assert.Equal(first.Rounds.Select(r => r.Accuracy), second.Rounds.Select(r => r.Accuracy));
    }

    [Fact]
    public void ANoiseAttackerBreaksFedAvgButNotTheMedian()
    {
        var attacked = Simulator.Attackers(5, 0.2, ClientBehavior.GaussianNoise);

        var fedAvg = Simulator.Run(Options("fedavg", rounds: 3) with { Behaviors = attacked, NoiseSigma = 5 });
        var median = Simulator.Run(Options("median", rounds: 3) with { Behaviors = attacked, NoiseSigma = 5 });

        Assert.True(median.FinalAccuracy > 0.9, $"median {median.FinalAccuracy}");
        Assert.True(fedAvg.FinalAccuracy < median.FinalAccuracy - 0.1, $"fedavg {fedAvg.FinalAccuracy} vs median {median.FinalAccuracy}");
    }

    [Fact]
    public void CompressedUpdatesUploadFewerBytesAndStillLearn()
    {
        var dense = Simulator.Run(Options("fedavg", rounds: 3));
        var compressed = Simulator.Run(Options("fedavg", rounds: 3) with { Compression = new CompressionOptions { TopKFraction = 0.25, QuantizeToInt8 = true } });

        Assert.True(dense.UploadBytes > 5 * compressed.UploadBytes, $"{dense.UploadBytes} vs {compressed.UploadBytes} bytes");
        Assert.True(compressed.FinalAccuracy > 0.8, $"accuracy {compressed.FinalAccuracy}");
    }

    private static SimulationOptions Options(string strategy, int rounds)
    {
        var train = Blobs(600, seed: 1);
        return new SimulationOptions
        {
            Plan = Mlp,
            Train = train,
            Test = Blobs(150, seed: 1, offset: 10_000),
            Strategy = StrategyCatalog.Create(strategy),
            Clients = 5,
            Rounds = rounds,
            Local = new() { Optimizer = Learning.Training.OptimizerKind.Adam, LearningRate = 0.01, BatchSize = 32, Epochs = 1, Deterministic = true, Device = Learning.Training.ComputeDevice.Cpu },
            TargetAccuracy = 0.5,
        };
    }

    // Three Gaussian classes in 8 dimensions; the same seed gives the same centres for train and test.
    private static LabeledDataset Blobs(int count, int seed, int offset = 0)
    {
        var centres = new Random(seed);
        var means = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, 8).Select(_ => centres.NextDouble() * 4 - 2).ToArray()).ToArray();
        var random = new Random(seed + offset);
        var features = new float[count * 8];
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = i % 3;
            for (var j = 0; j < 8; j++)
            {
                features[i * 8 + j] = (float)(means[labels[i]][j] + 0.6 * (random.NextDouble() * 2 - 1));
            }
        }

        return new LabeledDataset([8], features, labels, 3);
    }
}
