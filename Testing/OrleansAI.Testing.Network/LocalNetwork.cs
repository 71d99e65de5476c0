using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansAI.Federation.Adversarial;
using OrleansAI.Node;
using OrleansAI.Node.Serving;
using OrleansAI.Node.Simulation;
using OrleansAI.Protocol;
using OrleansAI.Sdk;
using OrleansAI.Sdk.Jobs;
using OrleansAI.Sdk.Models;

namespace OrleansAI.Testing.Network;

/// <summary>
/// A whole network in one process on the real local stack: a PostgreSQL-clustered silo, the Api as
/// its client with the provider gateway, and simulated provider nodes talking gRPC to it, moving
/// weights through Azurite.
/// </summary>
public sealed class LocalNetwork : IAsyncDisposable
{
    /// <summary>A tiny model that trains in milliseconds.</summary>
    public const string TinySpec = """{"name":"tiny-mlp","inputShape":[1,28,28],"classes":10,"layers":[{"type":"flatten"},{"type":"linear","outFeatures":32},{"type":"relu"},{"type":"linear","outFeatures":10}]}""";

    /// <summary>How the Api writes JSON.</summary>
    public static JsonSerializerOptions Json => OaiJson.Options;

    private const int ProviderCapabilitiesLimit = 64;

    private readonly List<(ProviderAgent Agent, CancellationTokenSource Stop, Task Run)> _nodes = [];
    private readonly List<ModelCache> _caches = [];
    private readonly List<ProviderContext> _contexts = [];
    private readonly HttpClient _blobs = new();
    private readonly CollusionBoard _board = new();
    private TaskRunner? _runner;

    private LocalNetwork(PostgresCluster cluster, NetworkApi api, GrpcChannel channel)
    {
        Cluster = cluster;
        Api = api;
        Channel = channel;
        Client = api.Client();
        Sdk = new OaiClient(Client, apiKey: null);
    }

    /// <summary>The silo(s).</summary>
    public PostgresCluster Cluster { get; }

    /// <summary>The Api.</summary>
    public NetworkApi Api { get; }

    /// <summary>A gRPC channel to the provider gateway.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>An HTTP client authenticated as <see cref="NetworkApi.ClientId"/>.</summary>
    public HttpClient Client { get; }

    /// <summary>The client SDK over <see cref="Client"/>: what a .NET application calling the network uses.</summary>
    public OaiClient Sdk { get; }

    /// <summary>The provider agents.</summary>
    public IReadOnlyList<ProviderAgent> Agents => [.. _nodes.Select(n => n.Agent)];

    /// <summary>The providers' signing keys, by agent index (to stake them on chain).</summary>
    public IReadOnlyList<Nethereum.Signer.EthECKey> Keys => [.. _contexts.Select(c => c.Key)];

    /// <summary>
    /// Starts a silo, the Api and <paramref name="providers"/> simulated providers (IID partitions of
    /// at most <paramref name="maxExamples"/> training examples), and waits until all are registered;
    /// <paramref name="behaviors"/> are the attacks of providers by index (honest otherwise);
    /// <paramref name="customize"/> adjusts one provider's settings by index, <paramref name="misbehave"/>
    /// its misbehaviour (collusion, cheat rate, lies; colluders of one network share a board); <paramref name="apiSettings"/>
    /// adds configuration to the Api, <paramref name="siloSettings"/> to the silo; <paramref name="verifiers"/>
    /// are the platform's verifier nodes; <paramref name="seed"/> fixes keys, data and each provider's
    /// randomness (random when not given).
    /// </summary>
    public static async Task<LocalNetwork> StartAsync(
        int providers, int maxExamples = 300, IReadOnlyDictionary<int, ClientBehavior>? behaviors = null, AgentSettings? settings = null, int slots = 2, Func<int, AgentSettings, AgentSettings>? customize = null,
        IReadOnlyDictionary<string, string?>? apiSettings = null, IReadOnlyDictionary<string, string?>? siloSettings = null, bool kestrel = false, IReadOnlyList<int>? verifiers = null, int? seed = null,
        Func<int, Misbehavior, Misbehavior>? misbehave = null)
    {
        var fleetSeed = seed ?? Random.Shared.Next();
        if (verifiers is { Count: > 0 })
        {
            // The platform's verifier nodes are trusted by address, which the silo must know before it starts.
            siloSettings = new Dictionary<string, string?>(siloSettings ?? new Dictionary<string, string?>())
            {
                ["Verification:Verifiers"] = string.Join(',', verifiers.Select(i => MessageSignatures.AddressOf(SimulatedKeys.Of(fleetSeed, i)))),
            };
        }

        var data = providers > 0 ? FleetData.FashionMnist(providers, null, fleetSeed, maxExamples) : [];
        var id = LocalServices.UniqueId("net");
        var cluster = await PostgresCluster.StartAsync(id, id, silos: 1, client: false, siloSettings: siloSettings);
        NetworkApi api;
        GrpcChannel channel;
        if (kestrel)
        {
            api = new NetworkApi(cluster, apiSettings, (LocalServices.FreeTcpPort(), LocalServices.FreeTcpPort()));
            api.UseKestrel();
            api.StartServer();
            channel = GatewayChannel.Create(api.GrpcUrl!, api.Pin);
        }
        else
        {
            api = new NetworkApi(cluster, apiSettings);
            channel = GrpcChannel.ForAddress(api.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = new ResponseVersionHandler(api.Server.CreateHandler()), MaxReceiveMessageSize = GatewayChannel.MaxMessageBytes });
        }

        var network = new LocalNetwork(cluster, api, channel);
        network._runner = new TaskRunner(network._blobs, slots);
        var client = new ProviderGateway.ProviderGatewayClient(channel);
        var registered = 0;
        for (var i = 0; i < providers; i++)
        {
            var agentSettings = (settings ?? new AgentSettings()) with { MaxBackoff = TimeSpan.FromSeconds(2) };
            var misbehavior = new Misbehavior { Behavior = behaviors?.GetValueOrDefault(i) ?? ClientBehavior.Honest };
            if (verifiers?.Contains(i) == true)
            {
                // A verifier takes every check the rounds send it; its compute still queues on the shared slots.
                agentSettings = agentSettings with { MaxConcurrentTasks = ProviderCapabilitiesLimit };
                misbehavior = new Misbehavior();
            }

            var context = SimulatedProvider.Context(
                SimulatedKeys.Of(fleetSeed, i), data[i], customize?.Invoke(i, agentSettings) ?? agentSettings, fleetSeed + i, misbehave?.Invoke(i, misbehavior) ?? misbehavior, network._board);
            network._contexts.Add(context);
            var cache = ModelCache.ForProvider(context, network._blobs, NullLoggerFactory.Instance);
            if (cache is not null)
            {
                network._caches.Add(cache);
            }

            var agent = new ProviderAgent(client, context, network._runner, NullLogger<ProviderAgent>.Instance, cache);
            agent.Registered += _ => Interlocked.Increment(ref registered);
            var stop = new CancellationTokenSource();
            network._nodes.Add((agent, stop, agent.RunAsync(stop.Token)));
        }

        await Until(() => Volatile.Read(ref registered) >= providers, TimeSpan.FromSeconds(60 + providers / 5), "providers registering");
        return network;
    }

    /// <summary>The bytes in a task's result slot as the blob store holds them, or null when there are none.</summary>
    public async Task<byte[]?> ReadResultSlotAsync(string taskId)
    {
        var options = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.Extensions.Options.IOptions<Hosting.Options.BlobStorageOptions>>(Api.Services);
        var blob = new Azure.Storage.Blobs.BlobServiceClient(LocalServices.AzuriteConnection).GetBlobContainerClient(options.Value.Container).GetBlobClient($"incoming/{taskId}");
        return await blob.ExistsAsync() ? (await blob.DownloadContentAsync()).Value.Content.ToArray() : null;
    }

    /// <summary>Uploads <paramref name="data"/> as the client's dataset and returns its hash.</summary>
    public async Task<string> UploadDatasetAsync(Models.Data.LabeledDataset data, string name = "test-data")
    {
        using var content = new MemoryStream(Models.Data.DatasetFile.Write(data));
        return (await Sdk.Datasets.UploadAsync(content, name)).Sha256;
    }

    /// <summary>Stops node <paramref name="index"/> as if its process died: its stream drops and it never comes back.</summary>
    public async Task KillAsync(int index)
    {
        var (_, stop, run) = _nodes[index];
        await stop.CancelAsync();
        await run;
    }

    /// <summary>Submits a job; throws with the problem details when it is refused.</summary>
    public async Task<JobView> SubmitAsync(object body)
    {
        using var response = await Client.PostAsJsonAsync("/api/jobs", body, Json);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonSerializer.Deserialize<JobView>(text, Json)!
            : throw new InvalidOperationException($"Submit failed: {(int)response.StatusCode} {text}");
    }

    /// <summary>Reads a job.</summary>
    public Task<JobView> GetAsync(string jobId) => Sdk.Jobs.GetAsync(jobId);

    /// <summary>Polls the job until <paramref name="done"/> holds; fails with the job's last state otherwise.</summary>
    public async Task<JobView> WaitAsync(string jobId, Func<JobView, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JobView? job = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                job = await GetAsync(jobId);
                if (done(job))
                {
                    return job;
                }
            }
            catch (HttpRequestException)
            {
                // The Api may be between gateways while a silo restarts.
            }
            catch (OaiApiException ex) when ((int)ex.Status >= 500)
            {
                // ...or answer 500/503 for a call that reached a stopping silo.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Timed out; the job was {(job is null ? "unreadable" : JsonSerializer.Serialize(job, Json))}");
    }

    /// <summary>
    /// Trains <paramref name="specJson"/> as <paramref name="model"/> with a one-round job over
    /// <paramref name="providers"/> providers, deploys the version on <paramref name="replicas"/>
    /// serving nodes and waits until all of them hold it and the Api routes to it; returns the version.
    /// </summary>
    public async Task<int> TrainAndDeployAsync(string model, string specJson, int providers, int replicas, double learningRate = 0.001)
    {
        var job = await SubmitAsync(new
        {
            name = $"{model} for inference",
            model,
            spec = JsonDocument.Parse(specJson).RootElement,
            rounds = 1,
            minProviders = providers,
            roundTimeoutSeconds = 300,
            localEpochs = 1,
            learningRate,
            batchSize = 32,
        });
        var done = await WaitAsync(job.Id, j => j.Status is JobStatus.Completed or JobStatus.Failed, TimeSpan.FromMinutes(5));
        if (done.Status != JobStatus.Completed)
        {
            throw new InvalidOperationException($"The training job ended {done.Status}: {done.StatusReason}");
        }

        var version = done.ModelVersion!.Value;
        await Sdk.Models.DeployAsync(model, version, new DeploymentRequest(Replicas: replicas));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var view = await Sdk.Models.GetDeploymentAsync(model, version);
            var ready = view.Nodes.Count(n => n.State == "ready");
            if (ready >= replicas && await Sdk.Inference.IsReadyAsync(model, version))
            {
                return version;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The model did not become ready on {replicas} nodes: {JsonSerializer.Serialize(view, Json)}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds.</summary>
    public static async Task Until(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(100);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var (_, stop, _) in _nodes)
        {
            await stop.CancelAsync();
        }

        await Task.WhenAll(_nodes.Select(n => n.Run));
        foreach (var (_, stop, _) in _nodes)
        {
            stop.Dispose();
        }

        Client.Dispose();
        Channel.Dispose();
        await Api.DisposeAsync();
        await Cluster.DisposeAsync();
        _runner?.Dispose();
        foreach (var cache in _caches)
        {
            cache.Dispose();
        }

        foreach (var context in _contexts)
        {
            context.Dispose();
        }

        _blobs.Dispose();
    }
}
