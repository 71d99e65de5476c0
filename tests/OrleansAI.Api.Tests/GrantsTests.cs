using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OrleansAI.Grains.Interfaces.Inference;
using OrleansAI.Grains.Interfaces.Models;
using OrleansAI.Grains.Interfaces.Storage;
using OrleansAI.Models.Data;
using OrleansAI.Models.Specs;
using OrleansAI.Models.Weights;

namespace OrleansAI.Api.Tests;

/// <summary>
/// Issue #16 item 12: a client grants another read or use of a dataset or a model version, and
/// revokes it; every route that touches another client's resource checks the grant, and each
/// access lands in the owner's audit log. Datasets and weights live in the stack's real Azurite.
/// </summary>
public sealed class GrantsTests
{
    private const string Spec = """{"name":"shared","inputShape":[4],"classes":3,"layers":[{"type":"linear","outFeatures":3}]}""";

    [Fact]
    public async Task ADatasetIsReadAndTrainedOnByAnotherClientOnlyWhileItHoldsTheMatchingGrant()
    {
        await using var api = RealApi();
        using var alice = api.ClientFor("alice");
        using var bob = api.ClientFor("bob");
        var sha = await UploadAsync(alice);
        var read = new Uri($"/api/datasets/{sha}?owner=alice", UriKind.Relative);

        var before = await bob.GetAsync(read);
        var jobBefore = await SubmitOnAsync(bob, sha);
        Assert.Equal(HttpStatusCode.OK, (await alice.PutAsJsonAsync($"/api/datasets/{sha}/grants/bob", new { rights = "read" })).StatusCode);
        var withRead = await bob.GetAsync(read);
        var jobWithRead = await SubmitOnAsync(bob, sha);
        Assert.Equal(HttpStatusCode.OK, (await alice.PutAsJsonAsync($"/api/datasets/{sha}/grants/bob", new { rights = "use" })).StatusCode);
        var received = await bob.GetFromJsonAsync<JsonElement>("/api/grants");
        var jobWithUse = await SubmitOnAsync(bob, sha);
        Assert.Equal(HttpStatusCode.NoContent, (await alice.DeleteAsync(new Uri($"/api/datasets/{sha}/grants/bob", UriKind.Relative))).StatusCode);
        var afterRevoke = await bob.GetAsync(read);
        var jobAfterRevoke = await SubmitOnAsync(bob, sha);

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, jobBefore.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withRead.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, jobWithRead.StatusCode);
        Assert.Equal(HttpStatusCode.Created, jobWithUse.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterRevoke.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, jobAfterRevoke.StatusCode);
        var grant = Assert.Single(received.EnumerateArray());
        Assert.Equal("use", grant.GetProperty("rights").GetString());
        Assert.Equal(sha, grant.GetProperty("name").GetString());
        Assert.Empty(await bob.GetFromJsonAsync<JsonElement[]>("/api/grants") ?? []);
    }

    [Fact]
    public async Task OnlyTheOwnerGrantsAndAGrantNamesAnotherExistingClientWithReadOrUse()
    {
        await using var api = RealApi();
        using var alice = api.ClientFor("alice");
        using var bob = api.ClientFor("bob");
        var sha = await UploadAsync(alice);

        var byStranger = await bob.PutAsJsonAsync($"/api/datasets/{sha}/grants/bob", new { rights = "use" });
        var toSelf = await alice.PutAsJsonAsync($"/api/datasets/{sha}/grants/alice", new { rights = "use" });
        var badRight = await alice.PutAsJsonAsync($"/api/datasets/{sha}/grants/bob", new { rights = "own" });
        var listByStranger = await bob.GetAsync(new Uri($"/api/datasets/{sha}/grants", UriKind.Relative));
        var revokeNothing = await alice.DeleteAsync(new Uri($"/api/datasets/{sha}/grants/bob", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, byStranger.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, toSelf.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badRight.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, listByStranger.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revokeNothing.StatusCode);
        Assert.Empty(await alice.GetFromJsonAsync<JsonElement[]>($"/api/datasets/{sha}/grants") ?? []);
    }

    [Fact]
    public async Task AModelVersionIsReadWithReadAndCalledAsOwnerDotModelOnlyWithUseAndNeverDeployedByTheGrantee()
    {
        await using var api = RealApi();
        using var alice = api.ClientFor("alice");
        using var bob = api.ClientFor("bob");
        await RegisterAndDeployAsync(api);
        var version = new Uri("/api/models/shared/versions/1?owner=alice", UriKind.Relative);
        var metadata = new Uri("/v2/models/alice.shared", UriKind.Relative);

        var versionBefore = await bob.GetAsync(version);
        var inferBefore = await InferAsync(bob, "alice.shared");
        await alice.PutAsJsonAsync("/api/models/shared/versions/1/grants/bob", new { rights = "read" });
        var versionWithRead = await bob.GetAsync(version);
        var metadataWithRead = await bob.GetAsync(metadata);
        var inferWithRead = await InferAsync(bob, "alice.shared");
        await alice.PutAsJsonAsync("/api/models/shared/versions/1/grants/bob", new { rights = "use" });
        await Task.Delay(Inference.ServedModels.Freshness + TimeSpan.FromMilliseconds(200));
        var inferWithUse = await InferAsync(bob, "alice.shared");
        var inferByOwner = await InferAsync(alice, "shared");
        var deployByGrantee = await bob.PutAsJsonAsync("/api/models/shared/versions/1/deployment", new { replicas = 1 });
        await alice.DeleteAsync(new Uri("/api/models/shared/versions/1/grants/bob", UriKind.Relative));
        await Task.Delay(Inference.ServedModels.Freshness + TimeSpan.FromMilliseconds(200));
        var inferAfterRevoke = await InferAsync(bob, "alice.shared");

        Assert.Equal(HttpStatusCode.NotFound, versionBefore.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, inferBefore);
        Assert.Equal(HttpStatusCode.OK, versionWithRead.StatusCode);
        Assert.Equal(HttpStatusCode.OK, metadataWithRead.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, inferWithRead);
        // No node serves the model in this test: a call that passes every check finds none (503), for the owner and the grantee alike.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, inferByOwner);
        Assert.Equal(inferByOwner, inferWithUse);
        Assert.Equal(HttpStatusCode.NotFound, deployByGrantee.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, inferAfterRevoke);
    }

    [Fact]
    public async Task TheOwnersAuditLogShowsWhoTouchedItsResourcesAllowedOrRefusedAndNobodyElseReadsIt()
    {
        await using var api = RealApi();
        using var alice = api.ClientFor("alice");
        using var bob = api.ClientFor("bob");
        using var ops = api.ClientFor("ops");
        using var stranger = api.CreateClient();
        var sha = await UploadAsync(alice);
        await bob.GetAsync(new Uri($"/api/datasets/{sha}?owner=alice", UriKind.Relative));
        await alice.PutAsJsonAsync($"/api/datasets/{sha}/grants/bob", new { rights = "read" });
        await bob.GetAsync(new Uri($"/api/datasets/{sha}?owner=alice", UriKind.Relative));
        stranger.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-key");
        await stranger.GetAsync(new Uri("/api/jobs", UriKind.Relative));

        var log = await alice.GetFromJsonAsync<JsonElement[]>($"/api/audit?resource=dataset/alice/{sha}") ?? [];
        var bobsReads = await alice.GetFromJsonAsync<JsonElement[]>($"/api/audit?actor=bob&action=dataset.read") ?? [];
        var bobsOwn = await bob.GetFromJsonAsync<JsonElement[]>("/api/audit") ?? [];
        var bobPeeks = await bob.GetAsync(new Uri("/api/audit?owner=alice", UriKind.Relative));
        var keys = await ops.GetFromJsonAsync<JsonElement[]>("/api/audit?owner=platform&action=key.refused") ?? [];

        Assert.Contains(log, e => e.GetProperty("action").GetString() == "dataset.upload" && e.GetProperty("actor").GetString() == "alice");
        Assert.Contains(log, e => e.GetProperty("action").GetString() == "grant.give" && e.GetProperty("detail").GetString() == "read to bob");
        Assert.Equal([true, false], bobsReads.Select(e => e.GetProperty("allowed").GetBoolean()));
        Assert.Equal("no grant", bobsReads[1].GetProperty("detail").GetString());
        Assert.Empty(bobsOwn);
        Assert.Equal(HttpStatusCode.Forbidden, bobPeeks.StatusCode);
        var refused = Assert.Single(keys);
        Assert.Equal("anonymous", refused.GetProperty("actor").GetString());
        Assert.DoesNotContain("not-a-key", refused.GetRawText(), StringComparison.Ordinal);
    }

    private static ApiFactory RealApi() => new(new Dictionary<string, string?>
    {
        ["BlobStorage:ConnectionString"] = LocalServices.AzuriteConnection,
        ["BlobStorage:Container"] = "grants-tests",
        ["Limits:JobSubmissionsPerMinute"] = "1000",
        ["Limits:DatasetUploadsPerMinute"] = "1000",
    });

    private static async Task<string> UploadAsync(HttpClient owner)
    {
        var features = new float[40];
        for (var i = 0; i < features.Length; i++)
        {
            features[i] = Random.Shared.NextSingle();
        }

        var body = DatasetFile.Write(new LabeledDataset([4], features, [.. Enumerable.Range(0, 10).Select(i => i % 3)], 3));
        using var upload = await owner.PostAsync(new Uri("/api/datasets?name=shared", UriKind.Relative), new ByteArrayContent(body));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        return (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sha256").GetString()!;
    }

    private static async Task<HttpResponseMessage> SubmitOnAsync(HttpClient client, string sha) =>
        await client.PostAsJsonAsync("/api/jobs", new
        {
            spec = JsonDocument.Parse(Spec).RootElement,
            mode = "data-parallel",
            dataset = sha,
            datasetOwner = "alice",
            shards = 2,
            rounds = 1,
        });

    private static async Task<HttpStatusCode> InferAsync(HttpClient client, string name)
    {
        using var content = new StringContent("""{"inputs":[{"name":"input","shape":[1,4],"datatype":"FP32","data":[1,2,3,4]}],"parameters":{"timeout_ms":50}}""", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri($"/v2/models/{name}/infer", UriKind.Relative), content);
        return response.StatusCode;
    }

    // Registers a trained version of alice's model and deploys it, as a finished job would.
    private static async Task RegisterAndDeployAsync(ApiFactory api)
    {
        var grains = api.Services.GetRequiredService<IGrainFactory>();
        var store = api.Services.GetRequiredService<IContentStore>();
        using var weights = new MemoryStream(WeightInitializer.Initialize(ModelSpecJson.ParseAndPlan(Spec), seed: 1).ToSafetensors());
        var stored = await store.PutAsync(weights, CancellationToken.None);
        await grains.GetGrain<IModelGrain>(ModelKeys.Model("alice", "shared")).RegisterAsync(
            new ModelVersionRecord("alice", "shared", 0, Spec, stored, 0.9, 0.1, 100, "job-grants", 1, "fedavg", stored.Sha256, [], null, DateTimeOffset.UtcNow));
        await grains.GetGrain<IModelDeploymentGrain>(ModelKeys.Version("alice", "shared", 1)).DeployAsync(new DeploymentSettings(Replicas: 1));
    }
}
