using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using OrleansAI.Models.Onnx;
using OrleansAI.Models.Data;

namespace OrleansAI.Bench;

/// <summary>
/// The default CNN exported to ONNX: the largest difference between ONNX Runtime and TorchSharp on
/// the same inputs, and ONNX Runtime's single-row latency with preallocated input and output.
/// </summary>
internal static class OnnxParityBench
{
    public static Task<int> RunAsync(BenchArgs args)
    {
        var rows = args.Int("rows", args.Quick ? 256 : 2048);
        var calls = args.Int("calls", args.Quick ? 2000 : 20000);
        var plan = ModelCatalog.FashionCnn;
        var weights = TorchWeights.Initialize(plan, 7);
        var random = new Random(3);
        var features = new float[rows * 784];
        for (var i = 0; i < features.Length; i++)
        {
            features[i] = (float)random.NextDouble();
        }

        var data = new LabeledDataset([1, 28, 28], features, new int[rows], 10);
        var expected = Predictor.Outputs(weights, data);
        var model = OnnxExporter.Export(weights);
        Console.WriteLine($"onnx-parity: {plan.Spec.Name}, {model.Length:N0} bytes of ONNX, {rows} rows compared, {calls} single-row calls timed");

        using var options = new SessionOptions { IntraOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        using var session = new InferenceSession(model, options);
        using var batchInput = OrtValue.CreateTensorValueFromMemory(features, [rows, 1, 28, 28]);
        using var runOptions = new RunOptions();
        using var batchOutput = session.Run(runOptions, [OnnxExporter.InputName], [batchInput], session.OutputNames);
        var actual = batchOutput[0].GetTensorDataAsSpan<float>();
        var maxDiff = 0.0;
        for (var i = 0; i < expected.Length; i++)
        {
            maxDiff = Math.Max(maxDiff, Math.Abs(expected[i] - actual[i]));
        }

        // Single-row latency: input and output buffers allocated once, as a serving node keeps them.
        var row = features.AsSpan(0, 784).ToArray();
        var scores = new float[10];
        using var rowInput = OrtValue.CreateTensorValueFromMemory(row, [1, 1, 28, 28]);
        using var rowOutput = OrtValue.CreateTensorValueFromMemory(scores, [1, 10]);
        using var binding = session.CreateIoBinding();
        binding.BindInput(OnnxExporter.InputName, rowInput);
        binding.BindOutput(session.OutputNames[0], rowOutput);
        for (var i = 0; i < 200; i++)
        {
            session.RunWithBinding(runOptions, binding);
        }

        var micros = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            session.RunWithBinding(runOptions, binding);
            micros[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        Console.WriteLine($"  max |onnxruntime - torchsharp| = {maxDiff:E2}; single row p50 {Stats.F(Stats.Median(micros), 1)} us, p99 {Stats.F(Stats.Percentile(micros, 0.99), 1)} us (1 intra-op thread)");
        Console.WriteLine($"RESULT onnx-parity max_abs_diff={maxDiff:E2} p50_us={Stats.F(Stats.Median(micros), 1)} p99_us={Stats.F(Stats.Percentile(micros, 0.99), 1)}");
        return Task.FromResult(0);
    }
}
