using OrleansAI.Learning.Evaluation;

namespace OrleansAI.Bench;

/// <summary>
/// The default Fashion-MNIST CNN trained centrally on the Debian package's files: the reference
/// point federated runs are compared with. Prints test accuracy, epochs and time per epoch.
/// </summary>
internal static class CentralizedBench
{
    public static Task<int> RunAsync(BenchArgs args)
    {
        var epochs = args.Int("epochs", args.Quick ? 1 : 5);
        var trainLimit = args.Int("train", args.Quick ? 20_000 : 60_000);
        var plan = ModelCatalog.FashionCnn;
        var train = FashionMnist.Load(train: true, normalize: true);
        var test = FashionMnist.Load(train: false, normalize: true);
        if (trainLimit < train.Count)
        {
            train = train.Subset([.. Enumerable.Range(0, trainLimit)]);
        }

        var options = new TrainingOptions
        {
            Optimizer = OptimizerKind.Adam,
            LearningRate = args.Int("lr-e4", 10) / 10_000.0,
            BatchSize = args.Int("batch", 64),
            Epochs = epochs,
            Seed = 1,
            Device = ComputeDevice.Auto,
        };
        Console.WriteLine($"centralized: {plan.Spec.Name} ({plan.TrainableCount:N0} trainable parameters), {train.Count:N0} training and {test.Count:N0} test images, " +
            $"{epochs} epoch(s), Adam lr {options.LearningRate}, batch {options.BatchSize}, {TorchSharp.torch.get_num_threads()} threads");

        var result = LocalTrainer.Train(TorchWeights.Initialize(plan, seed: 1), train, options);
        for (var e = 0; e < result.EpochLosses.Count; e++)
        {
            Console.WriteLine($"  epoch {e + 1}: mean training loss {Stats.F(result.EpochLosses[e])}");
        }

        var report = Evaluator.Evaluate(Predictor.Logits(result.Weights, test, device: ComputeDevice.Auto), test.Labels, test.Classes, ScoreKind.Logits);
        var secondsPerEpoch = result.Duration.TotalSeconds / epochs;
        Console.WriteLine($"  test accuracy {Stats.F(report.Accuracy)}, macro accuracy {Stats.F(report.MacroAccuracy)}, log-loss {Stats.F(report.LogLoss)}; {Stats.F(secondsPerEpoch, 1)} s per epoch on {result.Device}");
        Console.WriteLine($"RESULT centralized accuracy={Stats.F(report.Accuracy)} macro_accuracy={Stats.F(report.MacroAccuracy)} log_loss={Stats.F(report.LogLoss)} epochs={epochs} epoch_s={Stats.F(secondsPerEpoch, 1)}");
        return Task.FromResult(0);
    }
}
