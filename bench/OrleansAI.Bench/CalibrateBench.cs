using OrleansAI.Federation.Verification;
using OrleansAI.Models.Weights;

namespace OrleansAI.Bench;

/// <summary>
/// Calibrates the tolerance replicated training tasks are compared with: the same task (weights,
/// shard, seed, hyper-parameters) trained honestly on one thread (deterministic, twice: must be
/// bit-identical) and on two threads (rounds differently), against a cheap cheat (half the steps).
/// Prints the honest spread, the cheat's distance, and the tolerance the defaults are set from.
/// </summary>
internal static class CalibrateBench
{
    public static Task<int> RunAsync(BenchArgs args)
    {
        var seeds = args.Int("seeds", args.Quick ? 2 : 5);
        var examples = args.Int("examples", 500);
        var model = args.String("model", "fashion-cnn");
        var plan = ModelCatalog.Load(model);
        var train = FashionMnist.Load(train: true, normalize: true);
        var honestCosines = new List<double>();
        var honestMaxAbs = new List<double>();
        var cheatCosines = new List<double>();
        var cheatMaxAbs = new List<double>();
        var bitwise = true;
        Console.WriteLine($"calibrate: {model}, shards of {examples} examples, 1 epoch Adam lr 1e-3 batch 32, {seeds} seeds; tasks from fresh and from pre-trained weights");
        for (var seed = 1; seed <= seeds; seed++)
        {
            var shard = train.Subset([.. Enumerable.Range(seed * examples, examples)]);
            var fresh = TorchWeights.Initialize(plan, seed);
            // Later rounds start from trained weights, where updates are smaller: calibrate on both.
            var pretrained = LocalTrainer.Train(fresh, train.Subset([.. Enumerable.Range(50_000, 2_000)]), Options(seed, deterministic: true)).Weights;
            foreach (var (label, start) in new[] { ("fresh", fresh), ("pre-trained", pretrained) })
            {
                var one = LocalTrainer.Train(start, shard, Options(seed, deterministic: true)).Weights.Values;
                var again = LocalTrainer.Train(start, shard, Options(seed, deterministic: true)).Weights.Values;
                var two = LocalTrainer.Train(start, shard, Options(seed, deterministic: false) with { Threads = 2 }).Weights.Values;
                var cheat = LocalTrainer.Train(start, shard, Options(seed, deterministic: true) with { MaxSteps = examples / 32 / 2 }).Weights.Values;
                var same = one.AsSpan().SequenceEqual(again);
                bitwise &= same;
                var honest = Compare(start.Values, one, two);
                var cheated = Compare(start.Values, one, cheat);
                honestCosines.Add(honest.Cosine);
                honestMaxAbs.Add(honest.MaxAbsDifference);
                cheatCosines.Add(cheated.Cosine);
                cheatMaxAbs.Add(cheated.MaxAbsDifference);
                Console.WriteLine($"calibrate: seed {seed} {label}: 1 thread twice bit-identical={same}; 1 vs 2 threads cosine={Stats.F(honest.Cosine, 6)} max_abs={honest.MaxAbsDifference:E2}; half the steps cosine={Stats.F(cheated.Cosine, 4)} max_abs={cheated.MaxAbsDifference:E2}");
            }
        }

        // Ten times the worst honest distance (1 - cosine, and max-abs), so an unlucky honest pair
        // never trips it; the defaults in TrainingTolerance are rounded from these figures.
        var recommendedCosine = 1 - 10 * (1 - honestCosines.Min());
        var recommendedMaxAbs = 10 * honestMaxAbs.Max();
        Console.WriteLine($"calibrate: defaults in use: min_cosine={TrainingTolerance.DefaultMinCosine} max_abs={TrainingTolerance.DefaultMaxAbsDifference}");
        Console.WriteLine($"RESULT calibrate bitwise_repeat={bitwise} honest_min_cosine={Stats.F(honestCosines.Min(), 6)} honest_max_abs={honestMaxAbs.Max():E2} cheat_max_cosine={Stats.F(cheatCosines.Max(), 4)} cheat_min_max_abs={cheatMaxAbs.Min():E2} recommended_min_cosine={Stats.F(recommendedCosine, 4)} recommended_max_abs={recommendedMaxAbs:E2}");
        return Task.FromResult(bitwise ? 0 : 1);
    }

    private static TrainingOptions Options(int seed, bool deterministic) => new()
    {
        Optimizer = OptimizerKind.Adam,
        LearningRate = 1e-3,
        BatchSize = 32,
        Epochs = 1,
        Seed = seed,
        Deterministic = deterministic,
        Device = ComputeDevice.Cpu,
    };

    private static ResultMatch Compare(float[] start, float[] a, float[] b) =>
        ResultComparison.Compare(start, new ReplicaResult("a", a, ""), new ReplicaResult("b", b, ""), TrainingTolerance.Default);
}
