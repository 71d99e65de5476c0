using System.Diagnostics;
using OrleansAI.Federation.Robust;
using OrleansAI.Federation.Strategies;

namespace OrleansAI.Bench;

/// <summary>
/// Aggregation throughput in GB/s of input vectors (clients × parameters × 4 bytes) through the
/// strategies' public API — screening included — against copying the same bytes in the same run.
/// </summary>
internal static class AggregateBench
{
    public static Task<int> RunAsync(BenchArgs args)
    {
        var parameters = args.Int("parameters", 1_000_000);
        var repeats = args.Int("repeats", args.Quick ? 5 : 15);
        Console.WriteLine($"aggregate: {parameters:N0} parameters per update, median of {repeats} runs; FedAvg on one thread, the coordinate-wise rules on {Environment.ProcessorCount}");
        double fedAvgRatio10 = 0, fedAvgGbps10 = 0, trimmedGbps10 = 0, copyGbps10 = 0;
        foreach (var clients in new[] { 10, 100 })
        {
            var random = new Random(clients);
            var current = new float[parameters];
            var updates = Enumerable.Range(0, clients).Select(i =>
            {
                var v = new float[parameters];
                for (var j = 0; j < v.Length; j++)
                {
                    v[j] = (float)(random.NextDouble() - 0.5);
                }

                return new ClientUpdate($"c{i}", v, 100 + i);
            }).ToArray();
            var bytes = (double)clients * parameters * 4;
            var sink = new float[parameters * (long)clients <= int.MaxValue ? parameters * clients : parameters];

            var copy = Measure(repeats, () =>
            {
                for (var i = 0; i < clients; i++)
                {
                    updates[i].Parameters.AsSpan().CopyTo(sink.AsSpan(sink.Length == parameters ? 0 : i * parameters, parameters));
                }
            });
            var fedAvg = Measure(repeats, () => new FedAvg().AggregateFit(1, current, updates, []));
            var target = new float[parameters];
            var weights = Enumerable.Repeat(1f / clients, clients).ToArray();
            var vectors = updates.Select(u => u.Parameters).ToArray();
            var kernel = Measure(repeats, () => Kernels.WeightedSum(vectors, weights, target));
            var trimmed = Measure(Math.Max(3, repeats / 3), () => new FedTrimmedAvg(0.1).AggregateFit(1, current, updates, []));
            var median = Measure(Math.Max(3, repeats / 3), () => new FedMedian().AggregateFit(1, current, updates, []));

            double Gbps(double seconds) => bytes / seconds / 1e9;
            Console.WriteLine($"  {clients,3} clients: copy {Stats.F(Gbps(copy), 2)} GB/s, fedavg {Stats.F(Gbps(fedAvg), 2)} GB/s ({Stats.F(copy / fedAvg, 2)} of copy; kernel alone {Stats.F(Gbps(kernel), 2)}), " +
                $"trimmed mean {Stats.F(Gbps(trimmed), 3)} GB/s, median {Stats.F(Gbps(median), 3)} GB/s");
            if (clients == 10)
            {
                (copyGbps10, fedAvgGbps10, trimmedGbps10, fedAvgRatio10) = (Gbps(copy), Gbps(fedAvg), Gbps(trimmed), copy / fedAvg);
            }
        }

        Console.WriteLine($"RESULT aggregate fedavg_gbps={Stats.F(fedAvgGbps10, 2)} trimmed_gbps={Stats.F(trimmedGbps10, 3)} memcpy_gbps={Stats.F(copyGbps10, 2)} ratio={Stats.F(fedAvgRatio10, 2)}");
        return Task.FromResult(0);
    }

    private static double Measure(int repeats, Action action)
    {
        // Warm up past tiered compilation (about a second of calls): a silo aggregates warm, not cold.
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < 100 && (i < 3 || warm.Elapsed < TimeSpan.FromSeconds(1)); i++)
        {
            action();
        }

        var seconds = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            var started = Stopwatch.GetTimestamp();
            action();
            seconds[i] = Stopwatch.GetElapsedTime(started).TotalSeconds;
        }

        return Stats.Median(seconds);
    }
}
