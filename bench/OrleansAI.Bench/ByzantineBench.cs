namespace OrleansAI.Bench;

/// <summary>
/// The attack × strategy matrix: final test accuracy of every strategy against every attack at
/// 10 %, 20 % and 30 % attackers, and the drop against the same strategy's clean run. The best
/// strategy is the one whose worst drop at the highest fraction is smallest. Runs the small MLP on
/// a Fashion-MNIST subset so the whole matrix (over a hundred federated jobs) fits in minutes.
/// </summary>
internal static class ByzantineBench
{
    private static readonly ClientBehavior[] AttackList =
    [
        ClientBehavior.SignFlip, ClientBehavior.GaussianNoise, ClientBehavior.LabelFlip, ClientBehavior.Scaled,
        ClientBehavior.LittleIsEnough, ClientBehavior.Lazy, ClientBehavior.Copycat,
    ];

    public static Task<int> RunAsync(BenchArgs args)
    {
        var clients = args.Int("clients", 10);
        var rounds = args.Int("rounds", args.Quick ? 4 : 10);
        double[] fractions = args.String("fraction", "") is { Length: > 0 } f
            ? [double.Parse(f, CultureInfo.InvariantCulture)]
            : args.Quick ? [0.3] : [0.1, 0.2, 0.3];
        var strategies = args.String("strategies", "fedavg,median,trimmed:0.3,krum:3,multikrum:3,adaptiveclip").Split(',');
        var model = ModelCatalog.Load(args.String("model", "fashion-mlp"));
        var train = FashionMnist.Load(train: true, normalize: true).Subset([.. Enumerable.Range(0, args.Quick ? 10_000 : 20_000)]);
        var test = FashionMnist.Load(train: false, normalize: true).Subset([.. Enumerable.Range(0, args.Quick ? 2_000 : 5_000)]);
        Console.WriteLine($"byzantine: {model.Spec.Name}, {clients} clients (IID), {rounds} rounds, {train.Count:N0}/{test.Count:N0} images, attackers {string.Join(", ", fractions.Select(x => x.ToString("P0", CultureInfo.InvariantCulture)))}");

        double Run(string strategy, IReadOnlyDictionary<int, ClientBehavior> behaviors) => Simulator.Run(new SimulationOptions
        {
            Plan = model,
            Train = train,
            Test = test,
            Strategy = StrategyCatalog.Create(strategy),
            Clients = clients,
            Rounds = rounds,
            Behaviors = behaviors,
            Seed = 3,
        }).FinalAccuracy;

        var clean = strategies.ToDictionary(s => s, s => Run(s, new Dictionary<int, ClientBehavior>()));
        Console.WriteLine($"  {"strategy",-14} {"clean",7} " + string.Join(" ", AttackList.Select(a => $"{a,14}")));
        var worst = new Dictionary<(string Strategy, double Fraction), double>();
        foreach (var fraction in fractions)
        {
            Console.WriteLine($"  attackers {fraction.ToString("P0", CultureInfo.InvariantCulture)} (accuracy, drop vs clean):");
            foreach (var strategy in strategies)
            {
                var cells = new List<string>();
                var worstDrop = double.NegativeInfinity;
                foreach (var attack in AttackList)
                {
                    var accuracy = Run(strategy, Simulator.Attackers(clients, fraction, attack));
                    var drop = clean[strategy] - accuracy;
                    worstDrop = Math.Max(worstDrop, drop);
                    cells.Add($"{Stats.F(accuracy, 3)} ({drop * 100,5:+0.0;-0.0})");
                }

                worst[(strategy, fraction)] = worstDrop;
                Console.WriteLine($"  {strategy,-14} {Stats.F(clean[strategy], 3),7} " + string.Join(" ", cells.Select(c => $"{c,14}")));
            }
        }

        var top = fractions.Max();
        var best = strategies.Where(s => s != "fedavg").OrderBy(s => worst[(s, top)]).First();
        Console.WriteLine($"  best at {top.ToString("P0", CultureInfo.InvariantCulture)}: {best}, worst drop {Stats.F(worst[(best, top)] * 100, 1)} points over all attacks (fedavg: {Stats.F(worst[("fedavg", top)] * 100, 1)})");
        Console.WriteLine($"RESULT byzantine worst_drop={Stats.F(worst[(best, top)], 4)} best_strategy={best} fraction={Stats.F(top, 2)} fedavg_worst_drop={Stats.F(worst[("fedavg", top)], 4)}");
        return Task.FromResult(0);
    }
}
