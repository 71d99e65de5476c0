using System.Globalization;
using OrleansAI.Federation.Adversarial;

namespace OrleansAI.Node;

/// <summary>The node's command line.</summary>
public sealed record NodeArguments
{
    /// <summary>Usage text.</summary>
    public const string Usage = """
        oai-node --gateway URL [options]
          --gateway URL          the Api's provider gateway (gRPC, HTTP/2), e.g. http://127.0.0.1:5001
          --key-file PATH        hex secp256k1 private key (or set OAI_NODE_KEY); not used with --simulate
          --simulate N           run N providers in this process, each with its own key and data partition
          --partition P          iid (default) or dirichlet:ALPHA, how --simulate splits Fashion-MNIST
          --attack LIST          e.g. 0=signflip,3=lazy: behaviours of simulated providers (honest otherwise)
          --seed S               fleet seed: keys and partitions (default 1)
          --max-examples M       cap each provider's training examples
          --slots K              tasks computing at once in this process (default: cores / 2, at least 1)
          --data DIR             Fashion-MNIST directory (default /usr/share/datasets/fashion-mnist)
          --serve on|off         serve inference: hold deployed models and answer calls (default off)
          --serve-memory-mb M    model cache budget (default 512)
          --max-batch R          most rows per ONNX Runtime call (default 64)
          --queue-delay-us U     how long a lone call waits for company (default 100)
          --intra-op-threads T   ONNX Runtime threads per model (default 1)
          --lie LIST             e.g. 2,5: simulated providers that answer inference wrongly (tests, demos)
          --cheat-rate R         share of tasks the --attack behaviours are played on (default 1; 0.2 = intermittent)
          --threads T            threads for data-parallel training (default: one thread, deterministic)
          --max-tasks K          tasks each provider takes at once (default 2; a verifier node wants more)
        """;

    /// <summary>Gateway URL.</summary>
    public required Uri Gateway { get; init; }

    /// <summary>Private key file.</summary>
    public string? KeyFile { get; init; }

    /// <summary>Simulated providers; 0 for a single real node.</summary>
    public int Simulate { get; init; }

    /// <summary>Dirichlet α, or null for IID.</summary>
    public double? DirichletAlpha { get; init; }

    /// <summary>Behaviour of simulated providers by index.</summary>
    public IReadOnlyDictionary<int, ClientBehavior> Attacks { get; init; } = new Dictionary<int, ClientBehavior>();

    /// <summary>Fleet seed.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Cap on training examples per provider.</summary>
    public int? MaxExamples { get; init; }

    /// <summary>Concurrent compute slots.</summary>
    public int Slots { get; init; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Dataset directory.</summary>
    public string DataDirectory { get; init; } = Learning.Data.FashionMnist.DefaultDirectory;

    /// <summary>How the node serves inference.</summary>
    public Serving.ServingSettings Serving { get; init; } = new();

    /// <summary>Share of tasks attackers cheat on.</summary>
    public double CheatRate { get; init; } = 1;

    /// <summary>Threads for data-parallel training; null for deterministic single-thread runs.</summary>
    public int? TrainingThreads { get; init; }

    /// <summary>Tasks each provider takes at once.</summary>
    public int MaxTasks { get; init; } = 2;

    /// <summary>Simulated providers that answer inference wrongly.</summary>
    public IReadOnlySet<int> Liars { get; init; } = new HashSet<int>();

    /// <summary>Parses the command line; throws <see cref="ArgumentException"/> with the problem.</summary>
    public static NodeArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected '--name value' at '{args[i]}'.");
            }

            values[args[i][2..]] = args[++i];
        }

        var known = new[] { "gateway", "key-file", "simulate", "partition", "attack", "seed", "max-examples", "slots", "data", "serve", "serve-memory-mb", "max-batch", "queue-delay-us", "intra-op-threads", "lie", "cheat-rate", "threads", "max-tasks" };
        if (values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            throw new ArgumentException($"Unknown option --{unknown}.");
        }

        if (!values.TryGetValue("gateway", out var gateway) || !Uri.TryCreate(gateway, UriKind.Absolute, out var uri))
        {
            throw new ArgumentException("--gateway URL is required.");
        }

        var partition = values.GetValueOrDefault("partition", "iid");
        double? alpha = partition == "iid" ? null
            : partition.StartsWith("dirichlet:", StringComparison.Ordinal) && double.TryParse(partition.AsSpan(10), NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && a > 0 ? a
            : throw new ArgumentException("--partition is iid or dirichlet:ALPHA with ALPHA > 0.");
        var attacks = new Dictionary<int, ClientBehavior>();
        foreach (var item in values.GetValueOrDefault("attack", "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = item.Split('=', 2);
            attacks[parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var index) ? index : throw new ArgumentException($"--attack item '{item}' is not INDEX=BEHAVIOUR.")] = Behavior.Parse(parts[1]);
        }

        var serve = values.GetValueOrDefault("serve", "off") switch
        {
            "on" => true,
            "off" => false,
            _ => throw new ArgumentException("--serve is on or off."),
        };
        var liars = new HashSet<int>();
        foreach (var item in values.GetValueOrDefault("lie", "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            liars.Add(int.TryParse(item, CultureInfo.InvariantCulture, out var index) && index >= 0 ? index : throw new ArgumentException($"--lie item '{item}' is not an index."));
        }

        return new NodeArguments
        {
            Serving = new Serving.ServingSettings
            {
                Enabled = serve,
                MemoryBudgetBytes = Int(values, "serve-memory-mb", 512, 16, 1 << 20) * 1024L * 1024,
                MaxBatchRows = Int(values, "max-batch", 64, 1, 4096),
                MaxQueueDelay = TimeSpan.FromMicroseconds(Int(values, "queue-delay-us", 100, 0, 100_000)),
                IntraOpThreads = Int(values, "intra-op-threads", 1, 1, 256),
            },
            Liars = liars,
            TrainingThreads = values.ContainsKey("threads") ? Int(values, "threads", 1, 1, 1024) : null,
            MaxTasks = Int(values, "max-tasks", 2, 1, 64),
            CheatRate = values.TryGetValue("cheat-rate", out var rate)
                ? double.TryParse(rate, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r is > 0 and <= 1 ? r : throw new ArgumentException("--cheat-rate must be a number in (0, 1].")
                : 1,
            Gateway = uri,
            KeyFile = values.GetValueOrDefault("key-file"),
            Simulate = Int(values, "simulate", 0, 0, 10_000),
            DirichletAlpha = alpha,
            Attacks = attacks,
            Seed = Int(values, "seed", 1, int.MinValue, int.MaxValue),
            MaxExamples = values.ContainsKey("max-examples") ? Int(values, "max-examples", 0, 1, int.MaxValue) : null,
            Slots = Int(values, "slots", Math.Max(1, Environment.ProcessorCount / 2), 1, 256),
            DataDirectory = values.GetValueOrDefault("data", Learning.Data.FashionMnist.DefaultDirectory),
        };
    }

    private static int Int(Dictionary<string, string> values, string name, int fallback, int min, int max)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"--{name} must be a whole number from {min} to {max}.");
    }
}
