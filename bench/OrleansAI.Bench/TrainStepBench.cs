using System.Diagnostics;
using OrleansAI.Models.Data;

namespace OrleansAI.Bench;

/// <summary>
/// Milliseconds per training step of the default CNN at batch 64: our trainer (TorchSharp) against
/// PyTorch on the same machine, same architecture (built from the same spec JSON), same batch and
/// thread count, in the same run. Random inputs: the step's cost does not depend on the values.
/// </summary>
internal static class TrainStepBench
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var batch = args.Int("batch", 64);
        var steps = args.Int("steps", args.Quick ? 40 : 200);
        var threads = args.Int("threads", Environment.ProcessorCount);
        var plan = ModelCatalog.FashionCnn;
        Console.WriteLine($"train-step: {plan.Spec.Name}, batch {batch}, {steps} steps, {threads} threads, Adam");

        TorchSharp.torch.set_num_threads(threads);
        var random = new Random(1);
        var count = batch * steps;
        var features = new float[count * 784];
        for (var i = 0; i < features.Length; i++)
        {
            features[i] = (float)random.NextDouble();
        }

        var data = new LabeledDataset([1, 28, 28], features, [.. Enumerable.Range(0, count).Select(i => i % 10)], 10);
        var result = LocalTrainer.Train(
            TorchWeights.Initialize(plan, 0),
            data,
            new TrainingOptions { Optimizer = OptimizerKind.Adam, LearningRate = 1e-3, BatchSize = batch, Epochs = 1, Seed = 0, Device = ComputeDevice.Cpu });
        var torchSharpMs = Stats.Median([.. result.StepMilliseconds.Skip(5)]);
        Console.WriteLine($"  torchsharp: median {Stats.F(torchSharpMs, 2)} ms/step over {result.Steps - 5} steps");

        var specPath = Path.Combine(Path.GetTempPath(), $"oai-spec-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(specPath, ModelCatalog.Json("fashion-cnn"));
        try
        {
            var script = Path.Combine(AppContext.BaseDirectory, "python", "train_step.py");
            var start = new ProcessStartInfo("/usr/bin/python3", [script, specPath, $"{batch}", $"{steps}", $"{threads}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var python = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
            var output = await python.StandardOutput.ReadToEndAsync();
            var error = await python.StandardError.ReadToEndAsync();
            await python.WaitForExitAsync();
            if (python.ExitCode != 0)
            {
                Console.Error.WriteLine($"PyTorch baseline failed (Debian's python3-torch is needed: apt-get install python3-torch): {error}");
                return 1;
            }

            using var report = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
            var pytorchMs = report.RootElement.GetProperty("median_ms").GetDouble();
            Console.WriteLine($"  pytorch {report.RootElement.GetProperty("torch").GetString()}: median {Stats.F(pytorchMs, 2)} ms/step, {report.RootElement.GetProperty("threads").GetInt32()} threads");
            Console.WriteLine($"RESULT train-step torchsharp_ms={Stats.F(torchSharpMs, 2)} pytorch_ms={Stats.F(pytorchMs, 2)} ratio={Stats.F(torchSharpMs / pytorchMs, 3)}");
            return 0;
        }
        finally
        {
            File.Delete(specPath);
        }
    }
}
