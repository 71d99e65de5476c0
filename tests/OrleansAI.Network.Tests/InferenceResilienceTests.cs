using System.Net;
using System.Net.Http.Json;
using Azure.Storage.Blobs;
using OrleansAI.Grains.Interfaces.Inference;
using OrleansAI.Grains.Interfaces.Storage;

namespace OrleansAI.Network.Tests;

/// <summary>Inference when nodes die or are handed a tampered model.</summary>
[Collection(NetworkTestGroup.Name)]
public sealed class InferenceResilienceTests
{
    [Fact]
    public async Task RequestsAreReroutedWithNoFailedResponseWhenANodeIsKilledUnderLoad()
    {
        await using var served = await InferenceNetwork.StartAsync(3, new HashSet<int>(), replicas: 3);
        var network = served.Network;
        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, 4).Select(async worker =>
        {
            var i = worker;
            while (!stop.IsCancellationRequested)
            {
                using var response = await served.InferAsync(InferenceNetwork.Request([served.Images[i++ % served.Images.Length]], new { timeout_ms = 5000 }));
                statuses.Add(response.StatusCode);
            }
        }).ToList();

        await Task.Delay(1500);
        var before = statuses.Count;
        await network.KillAsync(0);
        await Task.Delay(2500);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.True(before > 20, $"only {before} requests before the kill");
        Assert.True(statuses.Count > before + 20, $"only {statuses.Count - before} requests after the kill");
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task ASlowNodeIsSkippedAndItsCallsAnsweredElsewhereWithinTheDeadline()
    {
        // The slow node is the cheaper one, so the router tries it first whenever it is not passed over.
        await using var served = await InferenceNetwork.StartAsync(2, new HashSet<int>(), replicas: 2, serving: (i, s) => i == 0
            ? s with { ExtraLatency = TimeSpan.FromSeconds(5), PricePer1kInferences = 1 }
            : s with { PricePer1kInferences = 5 });
        var slow = served.Network.Agents[0].Models!;
        var key = $"{NetworkApi.ClientId}/{InferenceNetwork.Model}/{served.Version}";
        var timings = new List<TimeSpan>();
        for (var i = 0; i < 8; i++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var response = await served.InferAsync(InferenceNetwork.Request([served.Images[i]], new { timeout_ms = 3000 }));
            timings.Add(clock.Elapsed);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.True(slow.Get(key)!.Batcher.RowsRun > 0, "the slow node was never tried");
        Assert.All(timings, t => Assert.True(t < TimeSpan.FromSeconds(3), $"a call took {t}"));
        // After one timeout the slow node is passed over: only the first call waited for it.
        Assert.True(timings.Count(t => t > TimeSpan.FromMilliseconds(1000)) <= 1, string.Join(", ", timings.Select(t => t.TotalMilliseconds)));
    }

    [Fact]
    public async Task AnUndeployedVersionIsNoLongerServedAndItsNodesDropIt()
    {
        await using var served = await InferenceNetwork.StartAsync(2, new HashSet<int>(), replicas: 2);
        var network = served.Network;
        var key = $"{NetworkApi.ClientId}/{InferenceNetwork.Model}/{served.Version}";

        using (var down = await network.Client.DeleteAsync($"/api/models/{InferenceNetwork.Model}/versions/{served.Version}/deployment"))
        {
            Assert.Equal(HttpStatusCode.OK, down.StatusCode);
            Assert.Equal("undeployed", (await down.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("status").GetString());
        }

        await LocalNetwork.Until(() => network.Agents.All(a => !a.Models!.Keys.Contains(key)), TimeSpan.FromSeconds(15), "the nodes to drop the model");
        await Task.Delay(Api.Inference.ServedModels.Freshness);
        using var response = await served.InferAsync(InferenceNetwork.Request(served.Images.Take(1)));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var ready = await network.Client.GetAsync($"/v2/models/{InferenceNetwork.Model}/versions/{served.Version}/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    [Fact]
    public async Task AfterASiloRestartDeploymentsProviderRecordsAndCasesAreReadBackAndServingResumes()
    {
        await using var served = await InferenceNetwork.StartAsync(3, new HashSet<int> { 2 }, replicas: 3);
        var network = served.Network;
        var liar = network.Agents[2].Address;
        using (var first = await served.InferAsync(InferenceNetwork.Request(served.Images.Take(2), new { replication = 3 })))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        List<System.Text.Json.JsonElement> cases = [];
        await LocalNetwork.Until(() =>
        {
            cases = [.. network.Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/providers/{liar}/cases").GetAwaiter().GetResult().EnumerateArray()];
            return cases.Count > 0;
        }, TimeSpan.FromSeconds(15), "a case against the liar");
        var caseId = cases[0].GetProperty("id").GetString();

        // Every grain is read back from PostgreSQL: the placements (with their row shapes), the
        // deployment's disagreements and the case's answers are lists that must survive the round trip.
        var silo = network.Cluster.Silos.Keys.Single();
        await network.Cluster.StopSiloAsync(silo);
        await network.Cluster.StartSiloAsync();

        System.Text.Json.JsonElement provider = default;
        await LocalNetwork.Until(() =>
        {
            try
            {
                provider = network.Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/providers/{liar}").GetAwaiter().GetResult();
                return provider.GetProperty("status").GetString() == "online";
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60), "the liar's record to be readable and online again");
        Assert.Single(provider.GetProperty("models").EnumerateArray());
        var deployment = await served.DeploymentAsync();
        Assert.NotEmpty(deployment.RecentDisagreements);
        var reread = await network.Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/cases/{caseId}");
        Assert.Equal(3, reread.GetProperty("evidence").GetProperty("answers").GetArrayLength());

        HttpStatusCode status = default;
        await LocalNetwork.Until(() =>
        {
            using var again = served.InferAsync(InferenceNetwork.Request(served.Images.Take(2), new { replication = 3 })).GetAwaiter().GetResult();
            status = again.StatusCode;
            return status == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(60), "serving to resume");
    }

    [Fact]
    public async Task ANodeRefusesAModelWhoseBlobDoesNotHashToTheRegistryValue()
    {
        await using var served = await InferenceNetwork.StartAsync(2, new HashSet<int>(), replicas: 1);
        var network = served.Network;
        var store = network.Api.Services.GetRequiredService<IContentStore>();
        var grains = network.Api.Services.GetRequiredService<IGrainFactory>();
        var deployment = await grains.GetGrain<IModelDeploymentGrain>($"{NetworkApi.ClientId}/{InferenceNetwork.Model}/{served.Version}").GetAsync();
        var genuine = deployment.Placement!;

        // The same model stored again under a new key, then its blob overwritten in place: what a
        // compromised or corrupted store would hand out.
        var copy = await store.ReadAllAsync(genuine.Onnx, CancellationToken.None);

        copy[^1] ^= 0x5A;
        using var altered = new MemoryStream(copy);
        var stored = await store.PutAsync(altered, CancellationToken.None);
        var tampered = new BlobContainerClient(LocalServices.AzuriteConnection, PostgresCluster.BlobContainer).GetBlobClient($"sha256/{stored.Sha256}");
        copy[^1] ^= 0x5A;
        copy[^2] ^= 0x33;
        await tampered.UploadAsync(new BinaryData(copy), overwrite: true);

        var victim = network.Agents.First(a => a.Models!.Keys.Count == 0);
        var outcome = new TaskCompletionSource<string?>();
        victim.ModelLoaded += (_, key, reason) =>
        {
            if (key.EndsWith("/tampered/1", StringComparison.Ordinal))
            {
                outcome.TrySetResult(reason);
            }
        };
        var key = $"{NetworkApi.ClientId}/tampered/1";
        Assert.True(await grains.GetGrain<IProviderServingGrain>(victim.Address).PlaceModelAsync(genuine with { ModelKey = key, Onnx = stored }));

        var reason = await outcome.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotNull(reason);
        Assert.Contains("hashes to", reason, StringComparison.Ordinal);
        Assert.DoesNotContain(key, victim.Models!.Keys);
    }
}
