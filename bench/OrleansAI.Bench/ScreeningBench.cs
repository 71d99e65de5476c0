using System.Diagnostics;
using System.Net.Http.Json;
using OrleansAI.Federation.Verification;
using OrleansAI.Grains.Interfaces.Providers;
using JobStatus = OrleansAI.Sdk.Jobs.JobStatus;

namespace OrleansAI.Bench;

/// <summary>
/// How well the federated round screen picks out cheaters in the real network: per seed, a fleet of
/// honest providers and one provider of each cheating kind that federated training can face (lazy,
/// random weights, sign flip, scaled, and an intermittent sign flipper cheating on a fifth of its
/// tasks) trains a 10-round job; afterwards every provider's record says
/// whether, and from which round, its updates were suspects. Federated suspicion costs reputation,
/// never stake (docs/verification.md), so this reports detection, not slashing. The screen's cost
/// is measured against the providers' training compute on CNN-sized updates.
/// </summary>
internal static class ScreeningBench
{
    private static readonly ClientBehavior[] Cheaters = [ClientBehavior.Lazy, ClientBehavior.GaussianNoise, ClientBehavior.SignFlip, ClientBehavior.Scaled, ClientBehavior.SignFlip];

    // The last cheater flips signs on a fifth of its tasks only: the intermittent cheater.
    private const double IntermittentRate = 0.2;

    /// <summary>Runs the benchmark.</summary>
    public static async Task<int> RunAsync(BenchArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var seeds = args.Int("seeds", args.Quick ? 2 : 10);
        var honest = args.Int("honest", 6);
        var rounds = args.Int("rounds", 10);
        // --root: the platform's verifier also trains each round on a 200-image root dataset and
        // updates pointing away from its update are suspects too (FLTrust score 0).
        var withRoot = args.Flag("root");
        var rootData = withRoot ? FashionMnist.Load(train: false, normalize: true).Subset([.. Enumerable.Range(0, 200)]) : null;
        await using var stack = await StackServices.EnsureAsync();
        var detected = new Dictionary<string, int>();
        var firstRounds = new List<double>();
        var honestFlagged = 0;
        var leaderSuspected = 0;
        var honestRounds = 0;
        for (var seed = 1; seed <= seeds; seed++)
        {
            var behaviors = Cheaters.Select((b, i) => (Index: honest + i, Behavior: b)).ToDictionary(p => p.Index, p => p.Behavior);
            var intermittent = honest + Cheaters.Length - 1;
            // A colluding pair after the other cheaters: the leader trains honestly, the copier hands in the leader's result.
            var leader = honest + Cheaters.Length;
            var copier = leader + 1;
            var verifier = withRoot ? honest + Cheaters.Length + 2 : -1;
            await using var network = await LocalNetwork.StartAsync(honest + Cheaters.Length + 2 + (withRoot ? 1 : 0), maxExamples: 300, behaviors: behaviors,
                verifiers: withRoot ? [verifier] : null,
                // The run's number fixes keys, data and each provider's draws, so runs compare between sessions.
                seed: seed,
                misbehave: (i, m) => i == intermittent ? m with { CheatRate = IntermittentRate }
                    : i == leader ? m with { Collusion = "pair" }
                    : i == copier ? m with { Collusion = "pair", Copier = true }
                    : m);
            var job = await network.SubmitAsync(new
            {
                model = "screened",
                spec = JsonDocument.Parse(LocalNetwork.TinySpec).RootElement,
                rounds,
                minProviders = honest + Cheaters.Length + 2,
                strategy = "median",
                localEpochs = 1,
                learningRate = 0.01,
                batchSize = 32,
                rootDataset = rootData is null ? null : await network.UploadDatasetAsync(rootData, "root"),
            });
            var done = await network.WaitAsync(job.Id, j => j.Status is JobStatus.Completed or JobStatus.Failed, TimeSpan.FromMinutes(10));
            if (done.Status != JobStatus.Completed)
            {
                throw new InvalidOperationException($"The job ended {done.Status}: {done.StatusReason}");
            }

            var line = new List<string>();
            for (var i = 0; i < network.Agents.Count; i++)
            {
                if (i == verifier)
                {
                    continue;
                }

                var record = (await network.Client.GetFromJsonAsync<ProviderSnapshot>($"/api/providers/{network.Agents[i].Address}", LocalNetwork.Json))!;
                var flaggedRounds = (record.Suspicions ?? []).Select(s => int.Parse(s.RoundKey[(s.RoundKey.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
                if (i == leader)
                {
                    leaderSuspected += flaggedRounds.Count > 0 ? 1 : 0;
                }
                else if (i == copier)
                {
                    if (flaggedRounds.Count > 0)
                    {
                        detected["copier"] = detected.GetValueOrDefault("copier") + 1;
                        firstRounds.Add(flaggedRounds[0]);
                    }

                    line.Add($"copier: {(flaggedRounds.Count > 0 ? $"rounds {string.Join(',', flaggedRounds)}" : "missed")}");
                }
                else if (behaviors.TryGetValue(i, out var behavior))
                {
                    var kind = Kind(behavior, i == intermittent);
                    if (flaggedRounds.Count > 0)
                    {
                        detected[kind] = detected.GetValueOrDefault(kind) + 1;
                        firstRounds.Add(flaggedRounds[0]);
                    }

                    line.Add($"{kind}: {(flaggedRounds.Count > 0 ? $"rounds {string.Join(',', flaggedRounds)}" : "missed")}");
                }
                else
                {
                    honestFlagged += flaggedRounds.Count > 0 ? 1 : 0;
                    honestRounds += flaggedRounds.Count;
                }
            }

            Console.WriteLine($"screening: seed {seed}: {string.Join("; ", line)}; honest flagged so far {honestFlagged}");
        }

        var overhead = ScreenOverhead();
        var totalCheaters = seeds * (Cheaters.Length + 1);
        var caught = detected.Values.Sum();
        foreach (var kind in Cheaters.Select((b, i) => Kind(b, i == Cheaters.Length - 1)))
        {
            Console.WriteLine($"screening: {kind}: suspected in {detected.GetValueOrDefault(kind)} of {seeds} runs");
        }

        Console.WriteLine($"screening: copier: suspected in {detected.GetValueOrDefault("copier")} of {seeds} runs; its partner (which trains honestly and hands in first) in {leaderSuspected}");
        Console.WriteLine($"screening: honest providers ever suspected: {honestFlagged} of {seeds * honest} ({honestRounds} provider-rounds)");
        Console.WriteLine($"screening: {(withRoot ? "with" : "without")} a root dataset scored by the platform's verifier (FLTrust)");
        Console.WriteLine($"RESULT screening root={(withRoot ? "yes" : "no")} detected={Stats.F((double)caught / totalCheaters, 3)} honest_suspected={honestFlagged} rounds_to_detect={Stats.F(firstRounds.Count > 0 ? Stats.Median(firstRounds) : double.NaN, 1)} overhead={Stats.F(overhead, 4)} slashed=n/a");
        return 0;
    }

    private static string Kind(ClientBehavior behavior, bool intermittent) =>
        intermittent ? $"intermittent {behavior} ({IntermittentRate:P0} of tasks)" : behavior.ToString();

    // The screen's server-side cost for 10 updates of the demo CNN's size, against the 10 providers'
    // compute for the same round (about 5 s each on these machines, see the rounds benchmark).
    private static double ScreenOverhead()
    {
        const int Parameters = 421_834;
        const int Clients = 10;
        const double ProviderComputeMs = 5_000;
        var random = new Random(3);
        var global = Enumerable.Range(0, Parameters).Select(_ => (float)random.NextDouble()).ToArray();
        var updates = Enumerable.Range(0, Clients).Select(c => new ClientUpdate($"c{c}", [.. global.Select(g => g + (float)(random.NextDouble() * 0.01))], 100)).ToList();
        UpdateOutliers.Screen(global, updates);
        var samples = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            UpdateOutliers.Screen(global, updates);
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }

        var screenMs = Stats.Median(samples);
        Console.WriteLine($"screening: screening {Clients} updates of {Parameters:N0} parameters: {Stats.F(screenMs, 1)} ms (median of 5), against {Clients} x {ProviderComputeMs:N0} ms of provider compute");
        return 1 + screenMs / (Clients * ProviderComputeMs);
    }
}
