using System.Net;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Nethereum.Signer;
using OrleansAI.Federation.Adversarial;
using OrleansAI.Node.Serving;
using OrleansAI.Protocol;

namespace OrleansAI.Node;

/// <summary>Builds provider agents on one gRPC channel: a single node with its own key, or a simulated fleet.</summary>
public static class Fleet
{
    /// <summary>Agents for <paramref name="args"/>.</summary>
    public static IReadOnlyList<ProviderAgent> Create(NodeArguments args, GrpcChannel channel, HttpClient blobs, ILoggerFactory logs)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(logs);
        var client = new ProviderGateway.ProviderGatewayClient(channel);
        var runner = new TaskRunner(blobs, args.Slots);
        ModelCache? Cache(AgentSettings settings) => settings.Serving.Enabled
            ? new ModelCache(new ModelLoader(blobs, settings.Serving, settings.Device, logs.CreateLogger<ModelLoader>()), settings.Serving.MemoryBudgetBytes)
            : null;
        if (args.Simulate == 0)
        {
            var key = new EthECKey(ReadKey(args.KeyFile));
            var data = FleetData.FashionMnist(1, null, args.Seed, args.MaxExamples, args.DataDirectory)[0];
            var settings = new AgentSettings { Serving = args.Serving, TrainingThreads = args.TrainingThreads, MaxConcurrentTasks = args.MaxTasks };
            return [new ProviderAgent(client, new ProviderContext(key, data, settings, args.Seed), runner, logs.CreateLogger<ProviderAgent>(), Cache(settings))];
        }

        var partitions = FleetData.FashionMnist(args.Simulate, args.DirichletAlpha, args.Seed, args.MaxExamples, args.DataDirectory);
        return [.. partitions.Select((data, i) =>
        {
            var settings = new AgentSettings
            {
                Behavior = args.Attacks.GetValueOrDefault(i, ClientBehavior.Honest),
                CheatRate = args.CheatRate,
                Serving = args.Serving with { Lie = args.Liars.Contains(i) },
                TrainingThreads = args.TrainingThreads,
                MaxConcurrentTasks = args.MaxTasks,
            };
            return new ProviderAgent(client, new ProviderContext(SimulatedKeys.Of(args.Seed, i), data, settings, args.Seed * 10_007 + i), runner, logs.CreateLogger<ProviderAgent>(), Cache(settings));
        })];
    }

    /// <summary>Largest message a node accepts from the gateway: inference calls carry whole batches of rows.</summary>
    public const int MaxMessageBytes = 64 * 1024 * 1024;

    /// <summary>A channel to the gateway that speaks HTTP/2 without TLS when the URL is http.</summary>
    public static GrpcChannel Channel(Uri gateway) => GrpcChannel.ForAddress(gateway, new GrpcChannelOptions
    {
        MaxReceiveMessageSize = MaxMessageBytes,
        HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan, KeepAlivePingDelay = TimeSpan.FromSeconds(30), KeepAlivePingTimeout = TimeSpan.FromSeconds(10) },
        HttpVersion = HttpVersion.Version20,
    });

    private static string ReadKey(string? file)
    {
        var key = (file is not null ? File.ReadAllText(file) : Environment.GetEnvironmentVariable("OAI_NODE_KEY"))?.Trim()
            ?? throw new ArgumentException("A key is required: --key-file PATH or OAI_NODE_KEY.");
        return key.StartsWith("0x", StringComparison.Ordinal) ? key[2..] : key;
    }
}
