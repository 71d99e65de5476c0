using System.Net.Http.Json;
using OrleansAI.Grains.Interfaces.Inference;
using OrleansAI.Node.Serving;

namespace OrleansAI.Network.Tests;

/// <summary>
/// A network whose providers serve inference, with the tiny model trained by a one-round job and
/// deployed on every node: what the inference tests call.
/// </summary>
public sealed class InferenceNetwork : IAsyncLifetime
{
    /// <summary>The model's name.</summary>
    public const string Model = "tiny-mlp";

    /// <summary>A second client with a tight request rate.</summary>
    public const string ThrottledClient = "bob";

    private const string ThrottledKey = "bob-network-key";

    private LocalNetwork? _network;

    /// <summary>The network.</summary>
    public LocalNetwork Network => _network ?? throw new InvalidOperationException("Not started.");

    /// <summary>The deployed version.</summary>
    public int Version { get; private set; }

    /// <summary>Real test images, one row each.</summary>
    public float[][] Images { get; private set; } = [];

    /// <summary>Starts <paramref name="providers"/> serving providers (those in <paramref name="liars"/> answer wrongly), trains and deploys the model.</summary>
    public static async Task<InferenceNetwork> StartAsync(
        int providers, IReadOnlySet<int> liars, int replicas, Func<int, ServingSettings, ServingSettings>? serving = null,
        IReadOnlyDictionary<string, string?>? apiSettings = null, IReadOnlyDictionary<string, string?>? siloSettings = null)
    {
        var network = new InferenceNetwork();
        await network.StartCoreAsync(providers, liars, replicas, serving, apiSettings, siloSettings);
        return network;
    }

    /// <inheritdoc />
    public Task InitializeAsync() => StartCoreAsync(3, new HashSet<int> { 2 }, 3);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_network is not null)
        {
            await _network.DisposeAsync();
        }
    }

    /// <summary>An HTTP client authenticated as the throttled client.</summary>
    public HttpClient ThrottledHttp()
    {
        var http = Network.Api.CreateClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ThrottledKey);
        return http;
    }

    /// <summary>An OIP request body for <paramref name="rows"/> images.</summary>
    public static object Request(IEnumerable<float[]> rows, object? parameters = null, string id = "request-1", object[]? outputs = null)
    {
        var list = rows.ToList();
        return new Dictionary<string, object?>
        {
            ["id"] = id,
            ["parameters"] = parameters,
            ["inputs"] = new[] { new { name = "input", shape = new[] { list.Count, 1, 28, 28 }, datatype = "FP32", data = list.SelectMany(r => r).ToArray() } },
            ["outputs"] = outputs,
        }.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value);
    }

    /// <summary>Posts an inference request to the deployed version.</summary>
    public Task<HttpResponseMessage> InferAsync(object body, HttpClient? client = null) =>
        (client ?? Network.Client).PostAsJsonAsync($"/v2/models/{Model}/versions/{Version}/infer", body);

    /// <summary>Reads the deployment.</summary>
    public async Task<DeploymentView> DeploymentAsync() =>
        (await Network.Client.GetFromJsonAsync<DeploymentView>($"/api/models/{Model}/versions/{Version}/deployment", LocalNetwork.Json))!;

    private async Task StartCoreAsync(
        int providers, IReadOnlySet<int> liars, int replicas, Func<int, ServingSettings, ServingSettings>? serving = null,
        IReadOnlyDictionary<string, string?>? apiSettings = null, IReadOnlyDictionary<string, string?>? siloSettings = null)
    {
        var keyHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ThrottledKey)));
        _network = await LocalNetwork.StartAsync(
            providers,
            maxExamples: 600,
            settings: new AgentSettings { Serving = new ServingSettings { Enabled = true } },
            customize: (i, s) => s with { Serving = serving?.Invoke(i, s.Serving) ?? s.Serving },
            misbehave: (i, m) => m with { Lie = liars.Contains(i) },
            apiSettings: new Dictionary<string, string?>(apiSettings ?? new Dictionary<string, string?>())
            {
                ["Inference:MaxRequestBytes"] = "1048576",
                // Load tests measure serving, not the per-client limit (500/s by default).
                ["Inference:RequestsPerSecond"] = "100000",
                ["Inference:Burst"] = "100000",
                ["Providers:SuspensionPeriod"] = "00:00:00",
                ["Inference:ClientLimits:" + ThrottledClient] = "2",
                ["Clients:Keys:1:ClientId"] = ThrottledClient,
                ["Clients:Keys:1:Sha256"] = keyHash,
            },
            // The network keeps its known liars in play across tests: fraud is recorded (and slashed
            // where a chain is set up) without suspending, which DataParallelVerificationTests checks.
            siloSettings: new Dictionary<string, string?>(siloSettings ?? new Dictionary<string, string?>()) { ["Providers:SuspensionPeriod"] = "00:00:00" });
        Version = await Network.TrainAndDeployAsync(Model, LocalNetwork.TinySpec, providers, replicas, learningRate: 0.01);
        var test = FleetData.FashionMnist(1, null, 7, 10)[0].Test;
        Images = [.. Enumerable.Range(0, 16).Select(i => test.Example(i).ToArray())];
    }
}
