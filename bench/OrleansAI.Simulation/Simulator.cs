using System.Diagnostics;
using OrleansAI.Federation;
using OrleansAI.Federation.Adversarial;
using OrleansAI.Federation.Compression;
using OrleansAI.Learning.Data;
using OrleansAI.Learning.Evaluation;
using OrleansAI.Learning.Training;
using OrleansAI.Models.Weights;
using OrleansAI.Models.Data;

namespace OrleansAI.Simulation;

/// <summary>
/// N federated clients in one process: each round the strategy picks clients, each trains the
/// model on its own partition with the Learning library (or attacks), its change goes through the
/// job's compression and wire format, and the strategy aggregates. The global model is evaluated
/// on the test set after every round.
/// </summary>
public static class Simulator
{
    /// <summary>Runs the job; <paramref name="onRound"/> sees each round's report as it completes.</summary>
    public static SimulationResult Run(SimulationOptions options, Action<RoundReport>? onRound = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var plan = options.Plan;
        var partitions = Split(options);
        var data = new LabeledDataset[options.Clients];
        for (var c = 0; c < options.Clients; c++)
        {
            var subset = options.Train.Subset(partitions[c]);
            data[c] = BehaviorOf(options, c) == ClientBehavior.LabelFlip ? FlipLabels(subset) : subset;
        }

        var ids = Enumerable.Range(0, options.Clients).Select(c => $"client-{c:D3}").ToArray();
        var compressors = Enumerable.Range(0, options.Clients).Select(c => new UpdateCompressor(options.Compression, new Random(options.Seed * 7919 + c))).ToArray();
        var attackers = options.Behaviors.Count(b => b.Value != ClientBehavior.Honest);
        var global = TorchWeights.Initialize(plan, options.Seed).Values;
        var sampling = new Random(options.Seed);
        var noise = new Random(options.Seed + 1);
        var reports = new List<RoundReport>();
        int? roundsToTarget = null;
        for (var round = 1; round <= options.Rounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            var chosen = ClientSampling.Sample(ids, options.Strategy.Sampling, sampling).Select(id => Array.IndexOf(ids, id)).ToArray();
            var mu = options.Strategy.ConfigureFit(round).TryGetValue("proximal_mu", out var proximal) ? proximal : options.Local.ProximalMu;
            var proposals = new Dictionary<int, float[]>();

            // Clients that train (honest, label flippers, and attackers that start from an honest result).
            foreach (var c in chosen.Where(c => BehaviorOf(options, c) is ClientBehavior.Honest or ClientBehavior.LabelFlip or ClientBehavior.SignFlip or ClientBehavior.Scaled))
            {
                var local = options.Local with { Seed = (long)options.Seed * 1_000_003 + round * 1_009 + c, ProximalMu = mu };
                proposals[c] = LocalTrainer.Train(new ModelWeights(plan, global), data[c], local, cancellationToken).Weights.Values;
            }

            var honest = chosen.Where(c => BehaviorOf(options, c) == ClientBehavior.Honest).Select(c => proposals[c]).ToList();
            foreach (var c in chosen)
            {
                proposals[c] = BehaviorOf(options, c) switch
                {
                    ClientBehavior.SignFlip => Attacks.SignFlip(global, proposals[c]),
                    ClientBehavior.Scaled => Attacks.Scaled(global, proposals[c], options.Clients),
                    ClientBehavior.GaussianNoise => Attacks.GaussianNoise(global, options.NoiseSigma, noise),
                    ClientBehavior.Lazy => (float[])global.Clone(),
                    ClientBehavior.Copycat => honest.Count > 0 ? (float[])honest[0].Clone() : (float[])global.Clone(),
                    ClientBehavior.LittleIsEnough => honest.Count > 0 ? Attacks.LittleIsEnough(honest, options.Clients, attackers) : (float[])global.Clone(),
                    _ => proposals[c],
                };
            }

            long bytes = 0;
            var updates = new List<ClientUpdate>(chosen.Length);
            foreach (var c in chosen)
            {
                var delta = new float[global.Length];
                for (var i = 0; i < delta.Length; i++)
                {
                    delta[i] = proposals[c][i] - global[i];
                }

                var encoded = compressors[c].Encode(delta);
                bytes += encoded.Length;
                var received = UpdateCodec.Decode(encoded, global.Length);
                for (var i = 0; i < received.Length; i++)
                {
                    received[i] += global[i];
                }

                updates.Add(new ClientUpdate(ids[c], received, data[c].Count, round - 1));
            }

            var outcome = options.Strategy.AggregateFit(round, global, updates, []);
            if (outcome.HasNewModel)
            {
                global = outcome.Parameters!;
            }

            var evaluation = Evaluator.Evaluate(Predictor.Logits(new ModelWeights(plan, global), options.Test, device: options.Local.Device), options.Test.Labels, options.Test.Classes, ScoreKind.Logits);
            var report = new RoundReport(round, evaluation.Accuracy, evaluation.LogLoss, bytes, outcome.Used.Count, outcome.Rejected.Count, outcome.HasNewModel, Stopwatch.GetElapsedTime(started).TotalSeconds);
            reports.Add(report);
            onRound?.Invoke(report);
            if (roundsToTarget is null && options.TargetAccuracy is { } target && report.Accuracy >= target)
            {
                roundsToTarget = round;
                if (options.StopAtTarget)
                {
                    break;
                }
            }
        }

        return new SimulationResult(reports, roundsToTarget);
    }

    /// <summary>Attackers for a share of the clients: the last ⌈fraction·n⌉ client indices behave as <paramref name="attack"/>.</summary>
    public static IReadOnlyDictionary<int, ClientBehavior> Attackers(int clients, double fraction, ClientBehavior attack)
    {
        var count = (int)Math.Round(fraction * clients, MidpointRounding.AwayFromZero);
        return Enumerable.Range(clients - count, count).ToDictionary(c => c, _ => attack);
    }

    private static ClientBehavior BehaviorOf(SimulationOptions options, int client) =>
        options.Behaviors.TryGetValue(client, out var behavior) ? behavior : ClientBehavior.Honest;

    private static IReadOnlyList<int[]> Split(SimulationOptions options) => options.Partition.Kind switch
    {
        "iid" => DataPartitioner.Iid(options.Train.Count, options.Clients, options.Seed),
        "dirichlet" => DataPartitioner.Dirichlet(options.Train.Labels, options.Train.Classes, options.Clients, options.Partition.Parameter, options.Seed),
        "shards" => DataPartitioner.Shards(options.Train.Labels, options.Clients, (int)options.Partition.Parameter, options.Seed),
        _ => throw new ArgumentException($"Unknown partition '{options.Partition}'.", nameof(options)),
    };

    private static LabeledDataset FlipLabels(LabeledDataset data) =>
        new(data.ExampleShape, data.Features, [.. data.Labels.Select(y => data.Classes - 1 - y)], data.Classes);
}
