using System.Diagnostics;
using System.Net.Http.Json;
using OrleansAI.Sdk.Jobs;
using OrleansAI.Grains.Interfaces.Verification;
using JobStatus = OrleansAI.Sdk.Jobs.JobStatus;

namespace OrleansAI.Bench;

/// <summary>
/// Proof of compute in the real network: per run, a data-parallel job (the client's dataset sharded
/// by the platform, one shard per provider) trains for 10 rounds on a fleet of honest providers (one
/// on two threads, so not bit-reproducible), the platform's verifier node, and one cheater of each
/// kind: lazy, random weights, sign flip, scaled, shirker (half the steps), a copier, a colluding
/// pair of shirkers (their replicas agree with each other) and an intermittent sign flipper (a fifth
/// of its tasks). Verification runs with the job defaults. Afterwards every provider's fraud cases
/// say whether, and from which round, it was slashed on chain. Compute overhead is the training tasks
/// run (replicas, canaries and replays included) over the tasks the same job runs without checks
/// (one per shard per round): every task is the same shard-sized unit of work.
/// </summary>
internal static class VerificationBench
{
    private static readonly (string Kind, ClientBehavior Behavior)[] Cheaters =
    [
        ("lazy", ClientBehavior.Lazy),
        ("random", ClientBehavior.GaussianNoise),
        ("sign-flip", ClientBehavior.SignFlip),
        ("scaled", ClientBehavior.Scaled),
        ("shirker", ClientBehavior.Shirker),
        ("copier", ClientBehavior.Honest),
        ("colluding-pair-a", ClientBehavior.Shirker),
        ("colluding-pair-b", ClientBehavior.Shirker),
        ("intermittent", ClientBehavior.SignFlip),
    ];

    private const double IntermittentRate = 0.2;

    /// <summary>Runs the benchmark.</summary>
    public static async Task<int> RunAsync(BenchArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var seeds = args.Int("seeds", args.Quick ? 2 : 10);
        var honest = args.Int("honest", 6);
        var rounds = args.Int("rounds", 10);
        var perShard = args.Int("examples", 200);
        await using var stack = await StackServices.EnsureAsync();
        using var chain = await LocalChain.DeployAsync();
        var all = FashionMnist.Load(train: true, normalize: true);
        var slashed = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstRounds = new List<double>();
        var honestSlashed = 0;
        var honestReplayed = 0;
        var tasksRun = 0L;
        var tasksBaseline = 0L;
        var wall = new List<double>();
        for (var run = 1; run <= seeds; run++)
        {
            // 0 is the verifier, 1..honest honest (the last on two threads), then the cheaters in order.
            var providers = 1 + honest + Cheaters.Length;
            var kinds = Cheaters.Select((c, i) => (Index: 1 + honest + i, c.Kind, c.Behavior)).ToList();
            var copier = kinds.Single(k => k.Kind == "copier").Index;
            var intermittent = kinds.Single(k => k.Kind == "intermittent").Index;
            await using var network = await LocalNetwork.StartAsync(providers,
                behaviors: kinds.Where(k => k.Behavior != ClientBehavior.Honest).ToDictionary(k => k.Index, k => k.Behavior),
                verifiers: [0],
                // The run's number fixes keys, data and each provider's draws, so runs compare between sessions.
                seed: run,
                // Room for a replica or a second shard once suspended cheaters leave the fleet.
                settings: new Node.AgentSettings { MaxConcurrentTasks = 4 },
                // Provider 1 leads the copier; with a single honest provider it stays on one thread.
                customize: (i, s) => i == honest && i != 1 ? s with { TrainingThreads = 2 } : s,
                misbehave: (i, m) => i == 1 ? m with { Collusion = "copy" }
                    : i == copier ? m with { Collusion = "copy", Copier = true }
                    : i == intermittent ? m with { CheatRate = IntermittentRate }
                    : m,
                apiSettings: chain.ApiSettings,
                siloSettings: chain.SiloSettings);
            foreach (var key in network.Keys)
            {
                await chain.StakeMinimumAsync(key);
            }

            var shards = providers - 1;
            var examples = (int)Math.Ceiling(shards * perShard / 0.9);
            var start = (run - 1) * examples % (all.Count - examples);
            var dataset = await network.UploadDatasetAsync(all.Subset([.. Enumerable.Range(start, examples)]), $"bench-{run}");
            var clock = Stopwatch.StartNew();
            var job = await network.SubmitAsync(new
            {
                model = "verified",
                spec = JsonDocument.Parse(LocalNetwork.TinySpec).RootElement,
                mode = "data-parallel",
                dataset,
                shards,
                rounds,
                minProviders = shards,
                localEpochs = 1,
                learningRate = 0.001,
                batchSize = 16,
                roundTimeoutSeconds = 120,
            });
            var done = await network.WaitAsync(job.Id, j => j.Status is JobStatus.Completed or JobStatus.Failed, TimeSpan.FromMinutes(15));
            wall.Add(clock.Elapsed.TotalSeconds);
            if (done.Status != JobStatus.Completed)
            {
                throw new InvalidOperationException($"The job ended {done.Status}: {done.StatusReason}");
            }

            var honestAddresses = Enumerable.Range(1, honest).Select(i => network.Agents[i].Address).ToHashSet(StringComparer.Ordinal);
            for (var r = 1; r <= rounds; r++)
            {
                var detail = (await network.Client.GetFromJsonAsync<RoundDetailView>($"/api/jobs/{job.Id}/rounds/{r}", LocalNetwork.Json))!;
                tasksRun += detail.Contributions.Count;
                tasksBaseline += shards;
                honestReplayed += detail.Checks.SelectMany(c => c.Results).Count(x => x.Note.Length > 0 && honestAddresses.Contains(x.Provider));
            }

            var line = new List<string>();
            for (var i = 1; i < providers; i++)
            {
                var cases = await SettledCasesAsync(network, network.Agents[i].Address);
                var slashedRounds = cases.Where(c => c.Status != FraudCaseStatus.Recorded).Select(RoundOf).Order().ToList();
                if (i <= honest)
                {
                    honestSlashed += slashedRounds.Count > 0 ? 1 : 0;
                    continue;
                }

                var kind = kinds.Single(k => k.Index == i).Kind;
                if (slashedRounds.Count > 0)
                {
                    slashed[kind] = slashed.GetValueOrDefault(kind) + 1;
                    firstRounds.Add(slashedRounds[0]);
                }

                line.Add($"{kind} {(slashedRounds.Count > 0 ? $"r{slashedRounds[0]}" : "missed")}");
            }

            Console.WriteLine($"verification: run {run}: {string.Join(", ", line)}; honest slashed so far {honestSlashed}; {clock.Elapsed.TotalSeconds:F0} s");
        }

        foreach (var (kind, _) in Cheaters)
        {
            Console.WriteLine($"verification: {kind}: slashed in {slashed.GetValueOrDefault(kind)} of {seeds} runs");
        }

        var total = seeds * Cheaters.Length;
        var overhead = (double)tasksRun / tasksBaseline;
        Console.WriteLine($"verification: honest providers slashed {honestSlashed} of {seeds * honest}; honest results replayed after a screen flag {honestReplayed} (cleared every time they agreed)");
        Console.WriteLine($"verification: training tasks run {tasksRun} against {tasksBaseline} without checks; median job wall time {Stats.F(Stats.Median(wall), 1)} s");
        Console.WriteLine($"RESULT verification detected={Stats.F((double)slashed.Values.Sum() / total, 3)} honest_slashed={honestSlashed} rounds_to_detect={Stats.F(firstRounds.Count > 0 ? Stats.Median(firstRounds) : double.NaN, 1)} overhead={Stats.F(overhead, 3)}");
        return 0;
    }

    private static int RoundOf(FraudCaseSnapshot c) =>
        int.Parse(c.Evidence.ModelKey.Split('/')[1], CultureInfo.InvariantCulture);

    // A provider's cases once the chain has taken every one of them (or 30 s have passed).
    private static async Task<IReadOnlyList<FraudCaseSnapshot>> SettledCasesAsync(LocalNetwork network, string address)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var cases = await network.Client.GetFromJsonAsync<IReadOnlyList<FraudCaseSnapshot>>($"/api/providers/{address}/cases", LocalNetwork.Json) ?? [];
            if (cases.All(c => c.Status != FraudCaseStatus.Recorded) || DateTime.UtcNow > deadline)
            {
                return cases;
            }

            await Task.Delay(500);
        }
    }
}
