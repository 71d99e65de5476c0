using OrleansAI.Bench;

// One program, one subcommand per benchmark; the last line of each is "RESULT <name> key=value ...".
var benchmarks = new Dictionary<string, Func<BenchArgs, Task<int>>>(StringComparer.Ordinal)
{
    ["centralized"] = CentralizedBench.RunAsync,
    ["train-step"] = TrainStepBench.RunAsync,
    ["onnx-parity"] = OnnxParityBench.RunAsync,
    ["aggregate"] = AggregateBench.RunAsync,
    ["federated"] = FederatedBench.RunAsync,
    ["byzantine"] = ByzantineBench.RunAsync,
    ["compression"] = CompressionBench.RunAsync,
    ["rounds"] = RoundsBench.RunAsync,
    ["providers"] = ProvidersBench.RunAsync,
    ["blob"] = BlobBench.RunAsync,
    ["inference"] = InferenceBench.RunAsync,
    ["screening"] = ScreeningBench.RunAsync,
    ["verification"] = VerificationBench.RunAsync,
    ["calibrate"] = CalibrateBench.RunAsync,
    ["sign"] = SignBench.RunAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: OrleansAI.Bench <{string.Join('|', benchmarks.Keys)}> [--quick] [options]");
    return 2;
}

return await run(new BenchArgs(args[1..]));
