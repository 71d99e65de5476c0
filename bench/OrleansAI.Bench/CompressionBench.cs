using OrleansAI.Federation.Compression;

namespace OrleansAI.Bench;

/// <summary>
/// Upload bytes per round and final accuracy with compressed updates (top-k with error feedback,
/// stochastic int8, both) against dense float32, at equal rounds and seeds.
/// </summary>
internal static class CompressionBench
{
    public static Task<int> RunAsync(BenchArgs args)
    {
        var rounds = args.Int("rounds", args.Quick ? 4 : 20);
        var topK = args.Int("topk-permille", 10) / 1000.0;
        var model = ModelCatalog.Load(args.String("model", "fashion-mlp"));
        var train = FashionMnist.Load(train: true, normalize: true);
        var test = FashionMnist.Load(train: false, normalize: true);
        if (args.Quick)
        {
            train = train.Subset([.. Enumerable.Range(0, 12_000)]);
            test = test.Subset([.. Enumerable.Range(0, 2_000)]);
        }

        Console.WriteLine($"compression: {model.Spec.Name} ({model.ParameterCount:N0} parameters), 10 clients IID, fedavg, {rounds} rounds, top-k {topK:P1}");
        (double Accuracy, double BytesPerRound) Run(CompressionOptions compression)
        {
            var result = Simulator.Run(new SimulationOptions
            {
                Plan = model,
                Train = train,
                Test = test,
                Strategy = StrategyCatalog.Create("fedavg"),
                Rounds = rounds,
                Compression = compression,
                Seed = 5,
            });
            return (result.FinalAccuracy, result.UploadBytes / (double)result.Rounds.Count);
        }

        var dense = Run(CompressionOptions.None);
        Console.WriteLine($"  dense float32      accuracy {Stats.F(dense.Accuracy)}, {dense.BytesPerRound / 1e6:F3} MB per round");
        (string Name, CompressionOptions Options)[] variants =
        [
            ("int8", new CompressionOptions { QuantizeToInt8 = true }),
            ("top-k", new CompressionOptions { TopKFraction = topK }),
            ("top-k + int8", new CompressionOptions { TopKFraction = topK, QuantizeToInt8 = true }),
        ];
        (double Accuracy, double BytesPerRound) last = default;
        foreach (var (name, options) in variants)
        {
            last = Run(options);
            Console.WriteLine($"  {name,-18} accuracy {Stats.F(last.Accuracy)} (drop {Stats.F((dense.Accuracy - last.Accuracy) * 100, 2)} points), {last.BytesPerRound / 1e6:F3} MB per round, {Stats.F(dense.BytesPerRound / last.BytesPerRound, 1)}x fewer bytes");
        }

        Console.WriteLine($"RESULT compression ratio={Stats.F(dense.BytesPerRound / last.BytesPerRound, 1)} accuracy_drop={Stats.F(dense.Accuracy - last.Accuracy, 4)} dense_accuracy={Stats.F(dense.Accuracy)} compressed_accuracy={Stats.F(last.Accuracy)}");
        return Task.FromResult(0);
    }
}
