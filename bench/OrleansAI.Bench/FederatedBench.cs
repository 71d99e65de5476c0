namespace OrleansAI.Bench;

/// <summary>
/// Federated training of the default CNN on Fashion-MNIST: 10 clients, all sampled each round, one
/// local epoch of Adam per round. Prints test accuracy per round and the rounds to the target
/// (0.91 for IID, 0.90 otherwise).
/// </summary>
internal static class FederatedBench
{
    public static Task<int> RunAsync(BenchArgs args)
    {
        var partition = PartitionScheme.Parse(args.String("partition", "iid"));
        var rounds = args.Int("rounds", args.Quick ? 3 : partition.Kind == "iid" ? 30 : 50);
        var clients = args.Int("clients", 10);
        var strategy = args.String("strategy", "fedavg");
        var model = args.String("model", "fashion-cnn");
        var target = partition.Kind == "iid" ? 0.91 : 0.90;
        var train = FashionMnist.Load(train: true, normalize: true);
        var test = FashionMnist.Load(train: false, normalize: true);
        if (args.Quick)
        {
            train = train.Subset([.. Enumerable.Range(0, 12_000)]);
            test = test.Subset([.. Enumerable.Range(0, 2_000)]);
        }

        Console.WriteLine($"federated: {model}, {partition}, {clients} clients, {rounds} rounds, {strategy}, 1 local epoch (Adam 1e-3, batch 64), {train.Count:N0} training images, target {target}");
        var result = Simulator.Run(
            new SimulationOptions
            {
                Plan = ModelCatalog.Load(model),
                Train = train,
                Test = test,
                Strategy = StrategyCatalog.Create(strategy),
                Clients = clients,
                Rounds = rounds,
                Partition = partition,
                Seed = args.Int("seed", 1),
                TargetAccuracy = target,
            },
            r => Console.WriteLine($"  round {r.Round,3}: accuracy {Stats.F(r.Accuracy)}, log-loss {Stats.F(r.LogLoss)}, {r.Used} updates, {r.UploadBytes / 1e6:F1} MB up, {r.Seconds:F1} s"));
        var reached = result.RoundsToTarget?.ToString(CultureInfo.InvariantCulture) ?? "none";
        Console.WriteLine($"RESULT federated accuracy={Stats.F(result.FinalAccuracy)} best_accuracy={Stats.F(result.BestAccuracy)} rounds_to_target={reached} target={Stats.F(target, 2)} rounds={result.Rounds.Count}");
        return Task.FromResult(0);
    }
}
