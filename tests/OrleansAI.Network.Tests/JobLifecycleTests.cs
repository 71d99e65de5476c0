using System.Net.Http.Json;
using OrleansAI.Sdk.Providers;
using OrleansAI.Grains.Interfaces.Rounds;
using JobStatus = OrleansAI.Sdk.Jobs.JobStatus;
using RoundStatus = OrleansAI.Sdk.Jobs.RoundStatus;

namespace OrleansAI.Network.Tests;

/// <summary>Jobs running over the real network: gRPC providers, grains on PostgreSQL, weights through Azurite.</summary>
[Collection(NetworkTestGroup.Name)]
public sealed class JobLifecycleTests
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(3);

    private static object TinyJob(int rounds, int minProviders, int quorum = 0, int timeoutSeconds = 30, string compression = "none") => new
    {
        name = "tiny",
        model = "tiny-mlp",
        spec = JsonDocument.Parse(LocalNetwork.TinySpec).RootElement,
        rounds,
        minProviders,
        quorum,
        roundTimeoutSeconds = timeoutSeconds,
        localEpochs = 2,
        learningRate = 0.01,
        batchSize = 32,
        compression,
    };

    [Fact]
    public async Task TheSdkFollowsAJobFromSubmissionToItsRegisteredModelAndItsProvenance()
    {
        await using var network = await LocalNetwork.StartAsync(providers: 3);
        var sdk = network.Sdk;
        var job = await sdk.Jobs.SubmitAsync(new JobRequest
        {
            Name = "through the sdk",
            Model = "sdk-mlp",
            Spec = JsonDocument.Parse(LocalNetwork.TinySpec).RootElement.Clone(),
            Rounds = 2,
            MinProviders = 3,
            RoundTimeoutSeconds = 60,
            LocalEpochs = 1,
            LearningRate = 0.01,
            BatchSize = 32,
        });
        using var timeout = new CancellationTokenSource(JobTimeout);

        var events = new List<JobProgress>();
        await foreach (var e in sdk.Jobs.WatchAsync(job.Id, timeout.Token))
        {
            events.Add(e);
        }

        var done = await sdk.Jobs.WaitAsync(job.Id, timeout.Token);
        var version = await sdk.Models.GetVersionAsync("sdk-mlp", done.ModelVersion!.Value);
        var models = await sdk.Models.ListAsync();
        var round = await sdk.Jobs.GetRoundAsync(job.Id, 1);
        var providers = await sdk.Providers.ListAsync();
        var provider = await sdk.Providers.GetAsync(network.Agents[0].Address);

        Assert.Equal(JobStatus.Completed, done.Status);
        Assert.Equal("snapshot", events[0].Kind);
        Assert.Equal([1, 2], events.Where(e => e.Kind == "round" && e.Round is { Evaluation: false }).Select(e => e.Round!.Round));
        Assert.Equal("model", events[^1].Kind);
        Assert.Equal(done.ModelVersion, events[^1].ModelVersion);
        Assert.Equal(job.Id, version.Job);
        Assert.Equal(done.History[^1].Weights, version.Weights);
        Assert.Equal(6, version.Contributions.Count);
        Assert.Equal("tiny-mlp", version.Spec.GetProperty("name").GetString());
        Assert.Contains(models, m => m.Name == "sdk-mlp" && m.Latest?.Version == done.ModelVersion);
        Assert.Equal(RoundStatus.Closed, round.Status);
        Assert.Equal(3, round.Contributions.Count(c => c.Used && c.IsPaid));
        Assert.Equal(3, providers.Total);
        Assert.Equal(Sdk.Providers.ProviderStatus.Online, provider.Status);
        Assert.True(provider.TasksAccepted >= 2, $"{provider.TasksAccepted} accepted");
        Assert.NotNull(provider.Reputation);
    }

    [Fact]
    public async Task TheResultsAJobUsedAreDeletedAfterTheirRetentionWhileProvenanceKeepsTheirHashes()
    {
        await using var network = await LocalNetwork.StartAsync(providers: 3, siloSettings: new Dictionary<string, string?> { ["BlobStorage:ResultRetention"] = "00:00:05" });
        var job = await network.SubmitAsync(TinyJob(rounds: 1, minProviders: 3));
        var done = await network.WaitAsync(job.Id, j => j.Status is JobStatus.Completed or JobStatus.Failed, JobTimeout);
        Assert.True(done.Status == JobStatus.Completed, Describe(done));
        var version = await network.Sdk.Models.GetVersionAsync("tiny-mlp", done.ModelVersion!.Value);
        var used = version.Contributions[0].TaskId;
        var kept = await network.ReadResultSlotAsync(used);

        var deleted = await network.WaitAsync(job.Id, j => j.ResultsDeleted is not null, TimeSpan.FromSeconds(60));

        Assert.NotNull(kept);
        Assert.Null(done.ResultsDeleted);
        Assert.All(version.Contributions, c => Assert.Null(network.ReadResultSlotAsync(c.TaskId).GetAwaiter().GetResult()));
        var after = await network.Sdk.Models.GetVersionAsync("tiny-mlp", done.ModelVersion!.Value);
        Assert.Equal(version.Contributions.Select(c => c.ResultSha256), after.Contributions.Select(c => c.ResultSha256));
        Assert.True(deleted.ResultsDeleted > done.Updated, $"deleted {deleted.ResultsDeleted}, completed {done.Updated}");
    }

    [Fact]
    public async Task ASmallJobTrainsEndToEndIntoARegisteredModelWithProvenance()
    {
        await using var network = await LocalNetwork.StartAsync(providers: 4);
        var job = await network.SubmitAsync(TinyJob(rounds: 3, minProviders: 3));
        var events = ReadEventsAsync(network, job.Id);

        var done = await network.WaitAsync(job.Id, j => j.Status is JobStatus.Completed or JobStatus.Failed, JobTimeout);

        Assert.True(done.Status == JobStatus.Completed, Describe(done));
        Assert.Equal([1, 2, 3, 4], done.History.Select(r => r.Round));
        Assert.True(done.History[^1].Evaluation);
        Assert.All(done.History.Take(3), r => Assert.True(r.Participants >= 3, $"round {r.Round} had {r.Participants} results"));
        // Every provider's share of the test set is disjoint: the final evaluation covers the whole test set.
        var accuracy = done.History[^1].Accuracy!.Value;
        Assert.InRange(accuracy, 0.5, 1.0);
        Assert.All(done.History.Take(3), r => Assert.NotNull(r.Accuracy));

        var version = await network.Client.GetFromJsonAsync<ModelVersionView>($"/api/models/tiny-mlp/versions/{done.ModelVersion}", LocalNetwork.Json);
        Assert.NotNull(version);
        Assert.Equal(job.Id, version.Job);
        Assert.Equal(done.History[^1].Weights, version.Weights);
        Assert.Equal(accuracy, version.Accuracy);
        Assert.True(version.Contributions.Count >= 9);
        Assert.All(version.Contributions, c => Assert.Matches("^[0-9a-f]{64}$", c.ResultSha256));
        var addresses = network.Agents.Select(a => a.Address).ToHashSet();
        Assert.All(version.Contributions, c => Assert.Contains(c.Provider, addresses));
        // The results the model was built from stay where their providers put them, as signed.
        foreach (var contribution in version.Contributions)
        {
            var bytes = await network.ReadResultSlotAsync(contribution.TaskId);
            Assert.Equal(contribution.ResultSha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes!)));
        }

        var providers = await network.Client.GetFromJsonAsync<ProviderPage>("/api/providers", LocalNetwork.Json);
        Assert.Equal(addresses.Order(), providers!.Items.Select(p => p.Address).Order());

        var kinds = await events;
        Assert.Equal("snapshot", kinds[0]);
        Assert.Contains("round", kinds);
        Assert.Contains("evaluated", kinds);
        Assert.Equal("model", kinds[^1]);
    }

    [Fact]
    public async Task ARoundClosesAtQuorumWhenANodeDiesMidRoundAndTheJobStillFinishes()
    {
        await using var network = await LocalNetwork.StartAsync(providers: 4, maxExamples: 2_000);
        var victim = network.Agents[3];
        var killed = 0;
        victim.TaskReceived += (_, _) =>
        {
            // The node's process dies the moment its first task arrives: no result, no goodbye.
            if (Interlocked.Exchange(ref killed, 1) == 0)
            {
                _ = network.KillAsync(3);
            }
        };
        var job = await network.SubmitAsync(TinyJob(rounds: 2, minProviders: 4, quorum: 3, timeoutSeconds: 6));

        var done = await network.WaitAsync(job.Id, j => j.Status is JobStatus.Completed or JobStatus.Failed, JobTimeout);

        Assert.True(done.Status == JobStatus.Completed, Describe(done));
        var first = done.History[0];
        Assert.Equal(3, first.Participants);
        Assert.True(first.Failed == 1, Describe(done));
        Assert.Equal(1, first.Attempts);
        Assert.True(first.WallMs >= 5_000, $"round 1 closed after {first.WallMs} ms, before its deadline");
        Assert.Equal(3, done.History[1].Participants);
    }

    [Fact]
    public async Task AJobResumesAfterItsSiloRestartsWithoutRepeatingOrDoubleCountingARound()
    {
        // Enough data per provider that a round takes a while, so the restart lands mid-job.
        await using var network = await LocalNetwork.StartAsync(providers: 3, maxExamples: 6_000);
        var job = await network.SubmitAsync(TinyJob(rounds: 6, minProviders: 3, timeoutSeconds: 20));
        await network.WaitAsync(job.Id, j => j.RoundsCompleted >= 2, JobTimeout);

        var silo = network.Cluster.Silos.Keys.Single();
        await network.Cluster.StopSiloAsync(silo);
        await network.Cluster.StartSiloAsync();
        var resumed = await network.WaitAsync(job.Id, _ => true, JobTimeout);

        var done = await network.WaitAsync(job.Id, j => j.Status is JobStatus.Completed or JobStatus.Failed, JobTimeout);
        Assert.True(resumed.Status == JobStatus.Running && resumed.RoundsCompleted < 6, $"the restart did not land mid-job: {Describe(resumed)}");
        Assert.True(done.Status == JobStatus.Completed, Describe(done));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], done.History.Select(r => r.Round));
        // No result counted twice: a round has at most one result per provider.
        Assert.All(done.History, r => Assert.InRange(r.Participants, 1, 3));
        var version = await network.Client.GetFromJsonAsync<ModelVersionView>($"/api/models/tiny-mlp/versions/{done.ModelVersion}", LocalNetwork.Json);
        // Each task counted once: no (round, provider) pair appears twice in the provenance.
        Assert.Equal(version!.Contributions.Count, version.Contributions.Select(c => (c.Round, c.Provider)).Distinct().Count());
    }

    [Fact]
    public async Task CompressedResultsTrainTheModelToo()
    {
        await using var network = await LocalNetwork.StartAsync(providers: 3);
        var job = await network.SubmitAsync(TinyJob(rounds: 3, minProviders: 3, compression: "topk:0.1+int8"));

        var done = await network.WaitAsync(job.Id, j => j.Status is JobStatus.Completed or JobStatus.Failed, JobTimeout);

        Assert.True(done.Status == JobStatus.Completed, Describe(done));
        Assert.InRange(done.History[^1].Accuracy!.Value, 0.4, 1.0);
        // The weights are ~100 KB of float32; top-10 % int8 results are a small fraction of that.
        Assert.All(done.History.Take(3), r => Assert.True(r.BytesIn * 5 < r.BytesOut, $"round {r.Round}: {r.BytesIn} bytes in, {r.BytesOut} out"));
    }

    [Fact]
    public async Task FedBuffClosesRoundsOnItsBufferAndWeighsAStragglersLateResultIntoALaterRound()
    {
        // Two providers answer in about a second; the third takes longer, so every round closes on
        // the first two and the third's results arrive while a later round collects.
        await using var network = await LocalNetwork.StartAsync(providers: 3, settings: new AgentSettings { MaxConcurrentTasks = 4 },
            customize: (i, s) => s with { SimulatedCompute = TimeSpan.FromMilliseconds(i == 2 ? 1_700 : 1_000) });
        var straggler = network.Agents[2].Address;
        var job = await network.SubmitAsync(new
        {
            model = "fedbuff",
            spec = JsonDocument.Parse(LocalNetwork.TinySpec).RootElement,
            rounds = 4,
            minProviders = 3,
            bufferSize = 2,
            roundTimeoutSeconds = 60,
            learningRate = 0.01,
        });

        var done = await network.WaitAsync(job.Id, j => j.Status is JobStatus.Completed or JobStatus.Failed, JobTimeout);

        Assert.True(done.Status == JobStatus.Completed, Describe(done));
        var grains = network.Api.Services.GetRequiredService<IGrainFactory>();
        var rounds = await Task.WhenAll(Enumerable.Range(1, 4).Select(r => grains.GetGrain<IAggregationRoundGrain>(RoundKeys.Of(job.Id, r)).GetAsync()));
        // After the first (warm-up) round, no round waited for the straggler's own fresh result.
        Assert.All(rounds.Skip(1), r => Assert.DoesNotContain(r.Contributions, c => c.Provider == straggler && c.Note.Length == 0));
        var carried = rounds.SelectMany(r => r.Contributions).Where(c => c.Note.StartsWith("carried in from round", StringComparison.Ordinal)).ToList();
        // Whoever missed a buffer (the straggler always does) is weighed into a later round, not dropped.
        Assert.Contains(carried, c => c.Provider == straggler);
        Assert.All(carried, c => Assert.True(c.Used));
    }

    [Fact]
    public async Task FedAdamCarriesItsServerMomentsFromRoundToRound()
    {
        await using var network = await LocalNetwork.StartAsync(providers: 3);
        var job = await network.SubmitAsync(new
        {
            model = "adam",
            spec = JsonDocument.Parse(LocalNetwork.TinySpec).RootElement,
            rounds = 3,
            minProviders = 3,
            strategy = "fedadam",
            learningRate = 0.01,
        });

        var done = await network.WaitAsync(job.Id, j => j.Status is JobStatus.Completed or JobStatus.Failed, JobTimeout);

        Assert.True(done.Status == JobStatus.Completed, Describe(done));
        var grains = network.Api.Services.GetRequiredService<IGrainFactory>();
        var rounds = await Task.WhenAll(Enumerable.Range(1, 3).Select(r => grains.GetGrain<IAggregationRoundGrain>(RoundKeys.Of(job.Id, r)).GetAsync()));
        // Each round hands the next its moments, and they move every round.
        Assert.All(rounds, r => Assert.NotNull(r.StrategyState));
        Assert.Equal(3, rounds.Select(r => r.StrategyState!.Sha256).Distinct().Count());
        Assert.All(rounds, r => Assert.NotNull(r.NewWeights));
    }

    [Fact]
    public async Task CancellingARunningJobWithdrawsItsOutstandingTasksFromTheProviders()
    {
        await using var network = await LocalNetwork.StartAsync(providers: 3, settings: new AgentSettings { SimulatedCompute = TimeSpan.FromSeconds(20) });
        var job = await network.SubmitAsync(TinyJob(rounds: 2, minProviders: 3, timeoutSeconds: 120));
        var grains = network.Api.Services.GetRequiredService<IGrainFactory>();
        var providers = network.Agents.Select(a => grains.GetGrain<OrleansAI.Grains.Interfaces.Providers.IProviderGrain>(a.Address)).ToList();
        await LocalNetwork.Until(() => providers.All(p => p.GetAsync().Result.RunningTasks == 1), TimeSpan.FromSeconds(30), "every provider holding its task");

        using var cancelled = await network.Client.DeleteAsync($"/api/jobs/{job.Id}");
        cancelled.EnsureSuccessStatusCode();

        await LocalNetwork.Until(() => providers.All(p => p.GetAsync().Result.RunningTasks == 0), TimeSpan.FromSeconds(10), "the tasks being withdrawn");
        var round = await grains.GetGrain<IAggregationRoundGrain>(RoundKeys.Of(job.Id, 1)).GetAsync();
        Assert.Equal(OrleansAI.Grains.Interfaces.Rounds.RoundStatus.Failed, round.Status);
        Assert.Equal("the job was cancelled", round.FailureReason);
        Assert.Equal(JobStatus.Cancelled, (await network.GetAsync(job.Id)).Status);
    }

    private static string Describe(JobView job) => JsonSerializer.Serialize(job, LocalNetwork.Json);

    private static async Task<List<string>> ReadEventsAsync(LocalNetwork network, string jobId)
    {
        var kinds = new List<string>();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/jobs/{jobId}/events");
        using var response = await network.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                kinds.Add(line[7..]);
            }
        }

        return kinds;
    }
}
