using OrleansAI.Node;
using JobStatus = OrleansAI.Sdk.Jobs.JobStatus;

namespace OrleansAI.Bench;

/// <summary>
/// Orchestration overhead per round: round wall time (first task out to aggregated model stored)
/// minus the slowest provider's compute, as a share of the round, for 10 and 100 providers. The
/// network is real (PostgreSQL-clustered silo, Api with its gRPC gateway, blobs through Azurite);
/// provider compute is a tiny real training run plus a fixed simulated delay, so 100 providers can
/// compute at once on a small machine and what is left over is orchestration. The default delay,
/// 5 s, is what one provider's round of the demo's CNN job computes on this kind of machine;
/// <c>--compute-ms</c> changes it.
/// </summary>
internal static class RoundsBench
{
    /// <summary>Runs the benchmark.</summary>
    public static async Task<int> RunAsync(BenchArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        int[] fleets = args.Quick ? [10, 30] : [10, 100];
        var rounds = args.Int("rounds", args.Quick ? 3 : 5);
        var compute = TimeSpan.FromMilliseconds(args.Int("compute-ms", 5_000));
        Console.WriteLine($"rounds: {rounds} rounds per fleet, {compute.TotalMilliseconds} ms simulated compute per task on top of a real 32-example training run");
        await using var stack = await StackServices.EnsureAsync();
        var shares = new Dictionary<int, (double Share, double WallMs, double ComputeMs, double BlobFloorShare)>();
        foreach (var providers in fleets)
        {
            await using var network = await LocalNetwork.StartAsync(providers, maxExamples: 32, settings: new AgentSettings { SimulatedCompute = compute, MaxConcurrentTasks = 2 }, slots: providers);
            var job = await network.SubmitAsync(new
            {
                spec = JsonDocument.Parse(LocalNetwork.TinySpec).RootElement,
                rounds,
                minProviders = providers,
                roundTimeoutSeconds = 600,
                localEpochs = 1,
                batchSize = 32,
            });
            var done = await network.WaitAsync(job.Id, j => j.Status is JobStatus.Completed or JobStatus.Failed, TimeSpan.FromMinutes(30));
            if (done.Status != JobStatus.Completed)
            {
                throw new InvalidOperationException($"The job ended {done.Status}: {done.StatusReason}");
            }

            var training = done.History.Where(r => !r.Evaluation).ToList();
            foreach (var r in training)
            {
                Console.WriteLine($"  {providers,4} providers, round {r.Round}: wall {Stats.F(r.WallMs, 0)} ms, slowest compute {Stats.F(r.SlowestComputeMs, 0)} ms, overhead {Stats.F(100 * (r.WallMs - r.SlowestComputeMs) / r.WallMs, 2)} %");
            }

            var share = Stats.Median([.. training.Select(r => (r.WallMs - r.SlowestComputeMs) / r.WallMs)]);
            var wall = Stats.Median([.. training.Select(r => r.WallMs)]);
            // The same blob traffic on its own, right after, against the same store: what of the
            // overhead the blob store sets by itself.
            var floor = await RoundBlobFloor.MeasureAsync(providers, training[^1].BytesOut / Math.Max(1, training[^1].Assigned), training[^1].BytesIn / Math.Max(1, training[^1].Participants), repeats: 3);
            shares[providers] = (share, wall, Stats.Median([.. training.Select(r => r.SlowestComputeMs)]), floor / wall);
            Console.WriteLine($"  {providers,4} providers: median overhead share {Stats.F(100 * share, 2)} % (median wall {Stats.F(wall, 0)} ms, slowest compute {Stats.F(shares[providers].ComputeMs, 0)} ms); "
                + $"the round's blob traffic alone takes {Stats.F(floor, 0)} ms ({Stats.F(100 * floor / wall, 2)} % of the round), overhead minus that: {Stats.F(100 * (share - floor / wall), 2)} points");
        }

        var worst = shares.Values.Max(s => s.Share);
        Console.WriteLine($"RESULT rounds overhead_share={Stats.F(worst)} " + string.Join(' ', shares.Select(s =>
            $"overhead_share_{s.Key}={Stats.F(s.Value.Share)} blob_floor_share_{s.Key}={Stats.F(s.Value.BlobFloorShare)} round_ms_{s.Key}={Stats.F(s.Value.WallMs, 0)} compute_ms_{s.Key}={Stats.F(s.Value.ComputeMs, 0)}")));
        return 0;
    }
}
