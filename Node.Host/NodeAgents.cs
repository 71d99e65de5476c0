using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Nethereum.Signer;
using OrleansAI.Node.Serving;
using OrleansAI.Node.Simulation;
using OrleansAI.Protocol;

namespace OrleansAI.Node.Host;

/// <summary>The agents <c>oai-node</c> runs on one gRPC channel: a single honest node with its own key, or a simulated fleet.</summary>
public static class NodeAgents
{
    /// <summary>Agents for <paramref name="args"/>; throws <see cref="ArgumentException"/> when a single node has no key.</summary>
    public static IReadOnlyList<ProviderAgent> Create(NodeArguments args, GrpcChannel channel, HttpClient blobs, ILoggerFactory logs)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(logs);
        var client = new ProviderGateway.ProviderGatewayClient(channel);
        var runner = new TaskRunner(blobs, args.Slots);
        if (args.Simulate > 0)
        {
            return Fleet.Create(FleetOf(args), client, runner, blobs, logs);
        }

        // A single node takes no misbehaviour (the parser refuses it): its context keeps the honest conduct.
        var key = new EthECKey(ReadKey(args.KeyFile));
        var data = FleetData.FashionMnist(1, null, args.Seed, args.MaxExamples, args.DataDirectory)[0];
        var settings = new AgentSettings { Serving = args.Serving, TrainingThreads = args.TrainingThreads, MaxConcurrentTasks = args.MaxTasks };
        var context = new ProviderContext(key, data, settings, args.Seed);
        return [new ProviderAgent(client, context, runner, logs.CreateLogger<ProviderAgent>(), ModelCache.ForProvider(context, blobs, logs))];
    }

    /// <summary>The simulated fleet <paramref name="args"/> describe.</summary>
    public static FleetOptions FleetOf(NodeArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new FleetOptions
        {
            Providers = args.Simulate,
            DirichletAlpha = args.DirichletAlpha,
            Seed = args.Seed,
            MaxExamples = args.MaxExamples,
            DataDirectory = args.DataDirectory,
            Serving = args.Serving,
            TrainingThreads = args.TrainingThreads,
            MaxTasks = args.MaxTasks,
            Attacks = args.Attacks,
            CheatRate = args.CheatRate,
            Liars = args.Liars,
        };
    }

    private static string ReadKey(string? file)
    {
        var key = (file is not null ? File.ReadAllText(file) : Environment.GetEnvironmentVariable("OAI_NODE_KEY"))?.Trim()
            ?? throw new ArgumentException("A key is required: --key-file PATH or OAI_NODE_KEY.");
        return key.StartsWith("0x", StringComparison.Ordinal) ? key[2..] : key;
    }
}
