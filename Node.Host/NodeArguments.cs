using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using OrleansAI.Federation.Adversarial;
using OrleansAI.Node.Simulation;

namespace OrleansAI.Node.Host;

/// <summary>The node's command line: what <c>oai-node</c> was asked to run, and how it is parsed.</summary>
public sealed record NodeArguments
{
    /// <summary>Gateway URL.</summary>
    public required Uri Gateway { get; init; }

    /// <summary>The CA certificate (PEM) the gateway's certificate must be issued by; null trusts the machine's store.</summary>
    public string? CaFile { get; init; }

    /// <summary>Whether an http:// gateway (no TLS) is allowed: development only.</summary>
    public bool AllowPlaintext { get; init; }

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
    public int Slots { get; init; } = DefaultSlots;

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

    private static int DefaultSlots => Math.Max(1, Environment.ProcessorCount / 2);

    // Response files (@file) and option bundling are off: a value is taken as written, as the
    // hand-written parser before this one did.
    private static readonly ParserConfiguration Parser = new() { ResponseFileTokenReplacer = null, EnablePosixBundling = false };

    /// <summary>
    /// Parses the command line. Returns the arguments to run with, or null when there is nothing to
    /// run: after the help (<paramref name="exitCode"/> 0) or after a usage error, written to
    /// <paramref name="error"/> with the usage (<paramref name="exitCode"/> 2).
    /// </summary>
    public static NodeArguments? Parse(IReadOnlyList<string> args, TextWriter output, TextWriter error, out int exitCode)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var command = CreateCommand();
        var parse = command.Parse(args, Parser);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                error.WriteLine(problem.Message);
            }

            error.WriteLine();
            command.Parse(["--help"], Parser).Invoke(new InvocationConfiguration { Output = error, Error = error });
            exitCode = 2;
            return null;
        }

        if (parse.Action is not null)
        {
            // --help or --version: the command itself has no action, the node runs outside it.
            exitCode = parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
            return null;
        }

        exitCode = 0;
        return From(parse);
    }

    /// <summary>The <c>oai-node</c> command: every option with its default and its validation.</summary>
    public static RootCommand CreateCommand()
    {
        var gateway = new Option<Uri>("--gateway")
        {
            HelpName = "URL",
            Description = "The Api's provider gateway (gRPC, HTTP/2 over TLS), e.g. https://127.0.0.1:5001 (required)",
            CustomParser = result => Uri.TryCreate(Token(result), UriKind.Absolute, out var uri) ? uri : Reject<Uri>(result, "--gateway URL is required."),
        };
        var allowPlaintext = new Option<bool>("--allow-plaintext") { Description = "Allow an http:// gateway without TLS (development only)", Arity = ArgumentArity.Zero };
        var simulate = WholeNumber("--simulate", "N", "Run N providers in this process, each with its own key and data partition", 0, 10_000, 0);
        var attack = new Option<IReadOnlyDictionary<int, ClientBehavior>>("--attack")
        {
            HelpName = "LIST",
            Description = "e.g. 0=signflip,3=lazy: behaviours of simulated providers (honest otherwise; with --simulate)",
            CustomParser = AttackList,
            DefaultValueFactory = _ => new Dictionary<int, ClientBehavior>(),
        };
        var lie = new Option<IReadOnlySet<int>>("--lie")
        {
            HelpName = "LIST",
            Description = "e.g. 2,5: simulated providers that answer inference wrongly (tests, demos; with --simulate)",
            CustomParser = LiarList,
            DefaultValueFactory = _ => new HashSet<int>(),
        };
        var cheatRate = new Option<double>("--cheat-rate")
        {
            HelpName = "R",
            Description = "Share of tasks the --attack behaviours are played on (0.2 = intermittent; with --simulate)",
            CustomParser = result => double.TryParse(Token(result), NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate is > 0 and <= 1
                ? rate
                : Reject<double>(result, "--cheat-rate must be a number in (0, 1]."),
            DefaultValueFactory = _ => 1,
        };
        var command = new RootCommand("oai-node: a provider of the OrleansAI network (training, and serving inference with --serve on), or a simulated fleet of them.")
        {
            gateway,
            new Option<string>("--key-file") { HelpName = "PATH", Description = "Hex secp256k1 private key (or set OAI_NODE_KEY); not used with --simulate" },
            new Option<string>("--ca") { HelpName = "PATH", Description = "Trust only gateway certificates issued by this CA (PEM; or set OAI_CA_FILE), e.g. .oai/tls/ca.crt; default: the machine's trust store" },
            allowPlaintext,
            simulate,
            new Option<string>("--partition")
            {
                HelpName = "P",
                Description = "iid (default) or dirichlet:ALPHA, how --simulate splits Fashion-MNIST",
                CustomParser = result => TryAlpha(Token(result), out _) ? Token(result) : Reject<string>(result, "--partition is iid or dirichlet:ALPHA with ALPHA > 0."),
                DefaultValueFactory = _ => "iid",
            },
            attack,
            WholeNumber("--seed", "S", "Fleet seed: keys and partitions", int.MinValue, int.MaxValue, 1),
            OptionalWholeNumber("--max-examples", "M", "Cap each provider's training examples", 1, int.MaxValue),
            WholeNumber("--slots", "K", "Tasks computing at once in this process (default: cores / 2, at least 1)", 1, 256, DefaultSlots),
            new Option<string>("--data")
            {
                HelpName = "DIR",
                Description = "Fashion-MNIST directory",
                DefaultValueFactory = _ => Learning.Data.FashionMnist.DefaultDirectory,
            },
            new Option<string>("--serve")
            {
                HelpName = "on|off",
                Description = "Serve inference: hold deployed models and answer calls",
                CustomParser = result => Token(result) is "on" or "off" ? Token(result) : Reject<string>(result, "--serve is on or off."),
                DefaultValueFactory = _ => "off",
            },
            WholeNumber("--serve-memory-mb", "M", "Model cache budget", 16, 1 << 20, 512),
            WholeNumber("--max-batch", "R", "Most rows per ONNX Runtime call", 1, 4096, 64),
            WholeNumber("--queue-delay-us", "U", "How long a lone call waits for company", 0, 100_000, 100),
            WholeNumber("--intra-op-threads", "T", "ONNX Runtime threads per model", 1, 256, 1),
            lie,
            cheatRate,
            OptionalWholeNumber("--threads", "T", "Threads for data-parallel training (default: one thread, deterministic)", 1, 1024),
            WholeNumber("--max-tasks", "K", "Tasks each provider takes at once (a verifier node wants more)", 1, 64, 2),
        };

        // Checked on the whole command so that a missing --gateway reads as it always has.
        command.Validators.Add(result =>
        {
            if (result.GetResult(gateway) is null)
            {
                result.AddError("--gateway URL is required.");
            }
            else if (result.GetResult(gateway) is { Tokens: [var token] } && Uri.TryCreate(token.Value, UriKind.Absolute, out var address) && address.Scheme != Uri.UriSchemeHttps
                && !(address.Scheme == Uri.UriSchemeHttp && result.GetResult(allowPlaintext) is { Implicit: false }))
            {
                // An error here, not when connecting: the node must never send a key's signature in the clear by accident.
                result.AddError(address.Scheme == Uri.UriSchemeHttp
                    ? $"--gateway {address} is plaintext http: use https (with --ca to pin the gateway's CA), or add --allow-plaintext (development only)."
                    : $"--gateway {address} must be an https URL.");
            }

            // Misbehaviour is for simulated providers only: a single node is always honest. A
            // --simulate without a valid count is reported on its own.
            if (result.GetResult(simulate) is not { Implicit: false } simulated || (simulated.Tokens is [var count] && int.TryParse(count.Value, CultureInfo.InvariantCulture, out var providers) && providers == 0))
            {
                foreach (var option in (Option[])[attack, lie, cheatRate])
                {
                    if (result.GetResult(option) is { Implicit: false })
                    {
                        result.AddError($"{option.Name} needs --simulate N: a single node is always honest.");
                    }
                }
            }
        });
        return command;
    }

    /// <summary>The arguments a parse without errors of <see cref="CreateCommand"/> stands for.</summary>
    public static NodeArguments From(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new NodeArguments
        {
            Serving = new Serving.ServingSettings
            {
                Enabled = parse.GetValue<string>("--serve") == "on",
                MemoryBudgetBytes = parse.GetValue<int>("--serve-memory-mb") * 1024L * 1024,
                MaxBatchRows = parse.GetValue<int>("--max-batch"),
                MaxQueueDelay = TimeSpan.FromMicroseconds(parse.GetValue<int>("--queue-delay-us")),
                IntraOpThreads = parse.GetValue<int>("--intra-op-threads"),
            },
            Liars = parse.GetValue<IReadOnlySet<int>>("--lie")!,
            TrainingThreads = parse.GetValue<int?>("--threads"),
            MaxTasks = parse.GetValue<int>("--max-tasks"),
            CheatRate = parse.GetValue<double>("--cheat-rate"),
            Gateway = parse.GetRequiredValue<Uri>("--gateway"),
            CaFile = parse.GetValue<string>("--ca") ?? (Environment.GetEnvironmentVariable("OAI_CA_FILE") is { Length: > 0 } ca ? ca : null),
            AllowPlaintext = parse.GetValue<bool>("--allow-plaintext"),
            KeyFile = parse.GetValue<string>("--key-file"),
            Simulate = parse.GetValue<int>("--simulate"),
            DirichletAlpha = TryAlpha(parse.GetValue<string>("--partition")!, out var alpha) ? alpha : null,
            Attacks = parse.GetValue<IReadOnlyDictionary<int, ClientBehavior>>("--attack")!,
            Seed = parse.GetValue<int>("--seed"),
            MaxExamples = parse.GetValue<int?>("--max-examples"),
            Slots = parse.GetValue<int>("--slots"),
            DataDirectory = parse.GetValue<string>("--data")!,
        };
    }

    // iid (no α) or dirichlet:ALPHA with ALPHA > 0.
    private static bool TryAlpha(string partition, out double? alpha)
    {
        alpha = null;
        if (partition == "iid")
        {
            return true;
        }

        if (partition.StartsWith("dirichlet:", StringComparison.Ordinal) && double.TryParse(partition.AsSpan(10), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            alpha = value;
            return true;
        }

        return false;
    }

    private static Dictionary<int, ClientBehavior> AttackList(ArgumentResult result)
    {
        var attacks = new Dictionary<int, ClientBehavior>();
        foreach (var item in Token(result).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = item.Split('=', 2);
            if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var index))
            {
                return Reject<Dictionary<int, ClientBehavior>>(result, $"--attack item '{item}' is not INDEX=BEHAVIOUR.");
            }

            try
            {
                attacks[index] = Behavior.Parse(parts[1]);
            }
            catch (ArgumentException ex)
            {
                return Reject<Dictionary<int, ClientBehavior>>(result, ex.Message);
            }
        }

        return attacks;
    }

    private static HashSet<int> LiarList(ArgumentResult result)
    {
        var liars = new HashSet<int>();
        foreach (var item in Token(result).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(item, CultureInfo.InvariantCulture, out var index) || index < 0)
            {
                return Reject<HashSet<int>>(result, $"--lie item '{item}' is not an index.");
            }

            liars.Add(index);
        }

        return liars;
    }

    private static Option<int> WholeNumber(string name, string helpName, string description, int min, int max, int fallback) => new(name)
    {
        HelpName = helpName,
        Description = description,
        CustomParser = result => ParseWholeNumber(result, name, min, max) ?? 0,
        DefaultValueFactory = _ => fallback,
    };

    private static Option<int?> OptionalWholeNumber(string name, string helpName, string description, int min, int max) => new(name)
    {
        HelpName = helpName,
        Description = description,
        CustomParser = result => ParseWholeNumber(result, name, min, max),
    };

    private static int? ParseWholeNumber(ArgumentResult result, string name, int min, int max) =>
        int.TryParse(Token(result), CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : Reject<int?>(result, $"{name} must be a whole number from {min} to {max}.");

    // The option's one value; empty when it was given none (the parser reports that itself).
    private static string Token(ArgumentResult result) => result.Tokens is [var token, ..] ? token.Value : string.Empty;

    private static T Reject<T>(ArgumentResult result, string message)
    {
        // An option given no value at all is already reported by the parser, in its own words.
        if (result.Tokens.Count > 0)
        {
            result.AddError(message);
        }

        return default!;
    }
}
