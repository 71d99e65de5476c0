using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using OrleansAI.Grains.Interfaces.Verification;
using OrleansAI.Learning.Data;
using JobStatus = OrleansAI.Sdk.Jobs.JobStatus;
using OrleansAI.Models.Data;

namespace OrleansAI.Network.Tests;

/// <summary>
/// Data-parallel jobs on the real network: the client's dataset is uploaded and sharded, every task
/// of a shard is identical, and the platform re-runs tasks (on other providers or its own verifier)
/// to prove cheating; proof is slashed on chain, honest providers on other runtimes are not touched.
/// </summary>
[Collection(NetworkTestGroup.Name)]
public sealed class DataParallelVerificationTests
{
    private const long ChainId = 31337;

    [Fact]
    public async Task EveryCheaterKindIsProvenWrongByTheVerifierAndSlashedOnChainWhileHonestProvidersOnAnyRuntimeAreNot()
    {
        using var chain = await LocalChain.DeployAsync();
        var staking = chain.Staking;
        // 0 is the platform's verifier; 1-3 honest (3 on two threads: not bit-reproducible); then one cheater of each kind.
        var behaviors = new Dictionary<int, ClientBehavior>
        {
            [4] = ClientBehavior.Lazy,
            [5] = ClientBehavior.GaussianNoise,
            [6] = ClientBehavior.SignFlip,
            [7] = ClientBehavior.Scaled,
            [8] = ClientBehavior.Shirker,
            // A colluding pair: they shirk identically, so they would agree with each other.
            [10] = ClientBehavior.Shirker,
            [11] = ClientBehavior.Shirker,
            // Intermittent: flips signs on half its tasks; the seed below makes its first task one of them.
            [12] = ClientBehavior.SignFlip,
        };
        const int Copier = 9;
        const int Intermittent = 12;
        var seed = Enumerable.Range(1, 1000).First(s => new Random(s + Intermittent).NextDouble() < 0.5);
        await using var network = await LocalNetwork.StartAsync(13, behaviors: behaviors, verifiers: [0], seed: seed,
            customize: (i, s) => i == 3 ? s with { TrainingThreads = 2 } : s,
            misbehave: (i, m) => i switch
            {
                1 => m with { Collusion = "pair" },
                Copier => m with { Collusion = "pair", Copier = true },
                Intermittent => m with { CheatRate = 0.5 },
                _ => m,
            },
            apiSettings: chain.ApiSettings,
            siloSettings: chain.SiloSettings);
        foreach (var key in network.Keys)
        {
            await chain.StakeMinimumAsync(key);
        }

        var stakes = await Task.WhenAll(network.Agents.Select(a => staking.SlashableOfQueryAsync(a.Address)));
        // Every shard also goes to the verifier (canary rate 1), so every cheat is seen in round 1.
        var job = await SubmitAsync(network, shards: 12, new { replicationShare = 0.0, canaryRate = 1.0, replayOutliers = false });
        var done = await network.WaitAsync(job.Id, j => j.Status is JobStatus.Completed or JobStatus.Failed, TimeSpan.FromMinutes(5));
        Assert.True(done.Status == JobStatus.Completed, done.StatusReason);

        var round = (await network.Client.GetFromJsonAsync<RoundDetailView>($"/api/jobs/{job.Id}/rounds/1", LocalNetwork.Json))!;
        for (var i = 1; i < network.Agents.Count; i++)
        {
            var address = network.Agents[i].Address;
            var cheater = behaviors.ContainsKey(i) || i == Copier;
            var cases = await CasesAsync(network, address, settled: cheater);
            if (!cheater)
            {
                Assert.Empty(cases);
                Assert.Equal(stakes[i], await staking.SlashableOfQueryAsync(address));
                continue;
            }

            var proof = Assert.Single(cases);
            Assert.Equal("training-canary", proof.Evidence.Kind);
            Assert.Equal(FraudCaseStatus.Slashed, proof.Status);
            Assert.Equal(stakes[i] - BigInteger.Parse(proof.SlashedWei!, System.Globalization.CultureInfo.InvariantCulture), await staking.SlashableOfQueryAsync(address));
            // The evidence carries both signed results; the accused's signature verifies against its own result message.
            var accused = Assert.Single(proof.Evidence.Answers, a => a.Provider == address);
            Assert.False(accused.InMajority);
            var message = OrleansAI.Protocol.ResultMessage.Format(ChainId, accused.TaskId, accused.OutputSha256, accused.Output!.Length, accused.Examples, accused.Runtime);
            Assert.Equal(address, OrleansAI.Protocol.MessageSignatures.RecoverSigner(message, accused.Signature));
            Assert.Contains(proof.Evidence.Answers, a => a.Provider == network.Agents[0].Address && a.InMajority);
        }

        // The two-thread provider was compared within the tolerance, the others bit for bit.
        var checks = round.Checks.SelectMany(c => c.Results).ToList();
        var twoThreads = Assert.Single(checks, r => r.Provider == network.Agents[3].Address);
        Assert.Equal(("agreed", "tolerance"), (twoThreads.Standing, twoThreads.Method));
        Assert.Contains(checks, r => r.Provider == network.Agents[2].Address && r is { Standing: "agreed", Method: "bitwise" });
        // Proven fraud suspends: the final evaluation round gave the cheaters no work.
        var evaluation = (await network.Client.GetFromJsonAsync<RoundDetailView>($"/api/jobs/{job.Id}/rounds/2", LocalNetwork.Json))!;
        var cheaters = behaviors.Keys.Append(Copier).Select(i => network.Agents[i].Address).ToHashSet();
        Assert.NotEmpty(evaluation.Contributions);
        Assert.DoesNotContain(evaluation.Contributions, c => cheaters.Contains(c.Provider));
        foreach (var address in cheaters)
        {
            var record = (await network.Client.GetFromJsonAsync<Grains.Interfaces.Providers.ProviderSnapshot>($"/api/providers/{address}", LocalNetwork.Json))!;
            Assert.True(record.SuspendedUntil > DateTimeOffset.UtcNow.AddDays(6));
            // Suspension ends the session as well: the gateway closed the stream and refuses it until then.
            Assert.Equal(ProviderStatus.Offline, record.Status);
        }

        // The provider list says who is suspended, too.
        var listed = (await network.Client.GetFromJsonAsync<JsonElement>("/api/providers?take=100")).GetProperty("items").EnumerateArray()
            .ToDictionary(p => p.GetProperty("address").GetString()!, p => p.GetProperty("suspendedUntil").ValueKind != JsonValueKind.Null);
        Assert.All(cheaters.Where(listed.ContainsKey), c => Assert.True(listed[c]));
        Assert.False(listed[network.Agents[1].Address]);

        // Proven-wrong results are not in the model.
        Assert.DoesNotContain(round.Contributions, c => c.Used && (behaviors.Keys.Append(Copier).Select(i => network.Agents[i].Address).Contains(c.Provider)));
    }

    [Fact]
    public async Task WithoutAVerifierATaskRunThreeTimesIsDecidedByTheTwoThatAgree()
    {
        await using var network = await LocalNetwork.StartAsync(4, behaviors: new Dictionary<int, ClientBehavior> { [3] = ClientBehavior.Lazy },
            settings: new Node.AgentSettings { MaxConcurrentTasks = 4 },
            customize: (i, s) => i == 2 ? s with { TrainingThreads = 2 } : s);
        var job = await SubmitAsync(network, shards: 4, new { replicationShare = 1.0, replicas = 3, canaryRate = 0.0 });
        var done = await network.WaitAsync(job.Id, j => j.Status is JobStatus.Completed or JobStatus.Failed, TimeSpan.FromMinutes(5));
        Assert.True(done.Status == JobStatus.Completed, done.StatusReason);

        // The silos' reads of the client's dataset and of every result are in its audit log (PostgreSQL), by the platform.
        var reads = await AuditAsync(network, "result.read", job.Id);
        Assert.True(reads.Length >= 4, $"{reads.Length} result reads recorded");
        Assert.All(reads, e => Assert.Equal(("platform", LocalNetworkClient), (e.GetProperty("actor").GetString(), e.GetProperty("owner").GetString())));
        Assert.Single(await AuditAsync(network, "dataset.train", job.Id));

        var lazy = network.Agents[3].Address;
        var cases = await CasesAsync(network, lazy, settled: false);
        Assert.NotEmpty(cases);
        Assert.All(cases, c => Assert.Equal("training-replication", c.Evidence.Kind));
        Assert.All(cases, c => Assert.Equal(2, c.Evidence.Answers.Count(a => a.InMajority)));
        for (var i = 0; i < 3; i++)
        {
            Assert.Empty(await CasesAsync(network, network.Agents[i].Address, settled: false));
        }

        var round = (await network.Client.GetFromJsonAsync<RoundDetailView>($"/api/jobs/{job.Id}/rounds/1", LocalNetwork.Json))!;
        Assert.Equal(4, round.Checks.Count);
        Assert.All(round.Checks, c => Assert.Equal(3, c.Results.Count));
        Assert.All(round.Checks, c => Assert.NotNull(c.AcceptedTaskId));
        // Every agreeing replica earns like the result the model used; the outvoted ones earn nothing.
        Assert.All(round.Contributions, c => Assert.Equal(c.Provider != lazy, c.IsPaid));
        Assert.True(round.Contributions.Count(c => c.IsPaid) > round.Contributions.Count(c => c.Used));
    }

    [Fact]
    public async Task ResultsTheScreenFlagsAreReplayedByTheVerifierAndProvenWrong()
    {
        var behaviors = new Dictionary<int, ClientBehavior> { [6] = ClientBehavior.SignFlip, [7] = ClientBehavior.Scaled };
        await using var network = await LocalNetwork.StartAsync(8, behaviors: behaviors, verifiers: [0]);
        // No random checks at all: only the screen sends work to the verifier.
        var job = await SubmitAsync(network, shards: 7, new { replicationShare = 0.0, canaryRate = 0.0, replayOutliers = true });
        var done = await network.WaitAsync(job.Id, j => j.Status is JobStatus.Completed or JobStatus.Failed, TimeSpan.FromMinutes(5));
        Assert.True(done.Status == JobStatus.Completed, done.StatusReason);

        foreach (var i in behaviors.Keys)
        {
            var proof = Assert.Single(await CasesAsync(network, network.Agents[i].Address, settled: false));
            Assert.Equal("training-replay", proof.Evidence.Kind);
        }

        for (var i = 1; i < 6; i++)
        {
            Assert.Empty(await CasesAsync(network, network.Agents[i].Address, settled: false));
        }
    }

    [Fact]
    public async Task ADatasetIsTrainableOnlyByItsUploaderAndAMalformedOneIsRefused()
    {
        await using var network = await LocalNetwork.StartAsync(0, apiSettings: new Dictionary<string, string?>
        {
            ["Clients:Keys:1:ClientId"] = "bob",
            ["Clients:Keys:1:Sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("bob-key"u8)),
        });
        var sha = await network.UploadDatasetAsync(Fashion(200));

        using var garbage = new ByteArrayContent([1, 2, 3, 4, 5, 6, 7, 8, 9]);
        using (var refused = await network.Client.PostAsync("/api/datasets", garbage))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        using var stranger = network.Api.Client();
        stranger.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "bob-key");
        using (var response = await stranger.PostAsJsonAsync("/api/jobs", Job(sha, 2, null), LocalNetwork.Json))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("dataset", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var notFound = await stranger.GetAsync($"/api/datasets/{sha}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        }

        var job = await network.SubmitAsync(Job(sha, 2, null));
        Assert.Equal("data-parallel", job.Mode);
        Assert.Equal(0.998, job.Verification!.MinCosine);
    }

    private const string LocalNetworkClient = OrleansAI.Testing.Network.NetworkApi.ClientId;

    // The client's audit entries of one action about one job; the silos write theirs within a second or so.
    private static async Task<JsonElement[]> AuditAsync(LocalNetwork network, string action, string jobId)
    {
        for (var attempt = 0; ; attempt++)
        {
            var entries = (await network.Client.GetFromJsonAsync<JsonElement[]>($"/api/audit?action={action}&limit=1000"))!
                .Where(e => e.GetProperty("detail").GetString()?.Contains(jobId, StringComparison.Ordinal) == true)
                .ToArray();
            if (entries.Length > 0 || attempt == 20)
            {
                return entries;
            }

            await Task.Delay(500);
        }
    }

    private static async Task<JobView> SubmitAsync(LocalNetwork network, int shards, object verification)
    {
        var sha = await network.UploadDatasetAsync(Fashion(shards * 120));
        return await network.SubmitAsync(Job(sha, shards, verification));
    }

    private static object Job(string sha, int shards, object? verification) => new
    {
        model = "sharded",
        spec = JsonDocument.Parse(LocalNetwork.TinySpec).RootElement,
        mode = "data-parallel",
        dataset = sha,
        shards,
        rounds = 1,
        minProviders = 2,
        localEpochs = 1,
        learningRate = 0.001,
        batchSize = 16,
        roundTimeoutSeconds = 120,
        verification,
    };

    private static LabeledDataset Fashion(int examples) =>
        FashionMnist.Load(train: true, normalize: true).Subset([.. Enumerable.Range(0, examples)]);

    // A provider's cases; when they should be settled, waits until the chain has taken them.
    private static async Task<IReadOnlyList<FraudCaseSnapshot>> CasesAsync(LocalNetwork network, string address, bool settled)
    {
        IReadOnlyList<FraudCaseSnapshot> cases = [];
        await LocalNetwork.Until(() =>
        {
            using var response = network.Client.GetAsync($"/api/providers/{address}/cases").GetAwaiter().GetResult();
            var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            cases = response.IsSuccessStatusCode
                ? JsonSerializer.Deserialize<IReadOnlyList<FraudCaseSnapshot>>(text, LocalNetwork.Json) ?? []
                : throw new HttpRequestException($"{(int)response.StatusCode}: {text}");
            return !settled || (cases.Count > 0 && cases.All(c => c.Status != FraudCaseStatus.Recorded));
        }, TimeSpan.FromSeconds(30), $"the cases of {address}");
        return cases;
    }
}
