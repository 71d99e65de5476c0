using System.Net;
using System.Net.Http.Json;

namespace OrleansAI.Api.Tests;

public sealed class JobsApiTests
{
    private const string Spec = """{"name":"mlp","inputShape":[1,28,28],"classes":10,"layers":[{"type":"flatten"},{"type":"linear","outFeatures":32},{"type":"relu"},{"type":"linear","outFeatures":10}]}""";

    [Fact]
    public async Task AValidJobIsAcceptedPendingAndListedForItsOwner()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>());
        using var alice = api.ClientFor("alice");

        using var created = await alice.PostAsync(new Uri("/api/jobs", UriKind.Relative), Json($$"""{"spec":{{Spec}},"rounds":5,"strategy":"trimmed:0.2","minProviders":3}"""));
        var job = await ReadAsync(created);
        var id = job.GetProperty("id").GetString()!;
        using var read = await alice.GetAsync(created.Headers.Location);
        using var list = await alice.GetAsync(new Uri("/api/jobs", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("pending", job.GetProperty("status").GetString());
        Assert.Equal("mlp", job.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var page = await ReadAsync(list);
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal(id, page.GetProperty("items")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task AMalformedSpecIsRefusedWith400NamingTheLayerAndReason()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>());
        using var alice = api.ClientFor("alice");
        var bad = Spec.Replace("{\"type\":\"flatten\"},", "", StringComparison.Ordinal);

        using var response = await alice.PostAsync(new Uri("/api/jobs", UriKind.Relative), Json($$"""{"spec":{{bad}}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await ReadAsync(response)).GetProperty("errors");
        Assert.Contains("layers[0] (linear): needs a flat input but gets 1x28x28", errors.GetProperty("spec")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadSettingsAreEachNamedInThe400()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>());
        using var alice = api.ClientFor("alice");

        using var response = await alice.PostAsync(new Uri("/api/jobs", UriKind.Relative),
            Json($$"""{"spec":{{Spec}},"rounds":0,"strategy":"krum:2","minProviders":3,"dataset":"imagenet","budget":"-5","learningRate":0}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReadAsync(response)).GetProperty("errors");
        Assert.Equal(["budget", "dataset", "learningRate", "rounds", "strategy"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains("needs at least 7 providers", errors.GetProperty("strategy")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadNetworkSettingsAreEachNamedInThe400()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>());
        using var alice = api.ClientFor("alice");

        using var response = await alice.PostAsync(new Uri("/api/jobs", UriKind.Relative),
            Json($$"""{"spec":{{Spec}},"minProviders":3,"quorum":4,"bufferSize":5,"compression":"zip","model":"Bad Name","roundTimeoutSeconds":1,"proximalMu":-1}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReadAsync(response)).GetProperty("errors");
        Assert.Equal(["bufferSize", "compression", "model", "proximalMu", "quorum", "roundTimeoutSeconds"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public async Task AWeightDecayOutsideZeroToOneIsNamedInThe400(double weightDecay)
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>());
        using var alice = api.ClientFor("alice");

        using var response = await alice.PostAsync(new Uri("/api/jobs", UriKind.Relative),
            Json($$"""{"spec":{{Spec}},"weightDecay":{{weightDecay.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReadAsync(response)).GetProperty("errors");
        Assert.Equal(["weightDecay"], errors.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task BadDataParallelSettingsAreEachNamedInThe400()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>());
        using var alice = api.ClientFor("alice");

        using var response = await alice.PostAsync(new Uri("/api/jobs", UriKind.Relative),
            Json($$$"""{"spec":{{{Spec}}},"mode":"data-parallel","dataset":"fashion-mnist","shards":0,"compression":"int8","verification":{"replicationShare":2,"replicas":1,"canaryRate":-0.1,"minCosine":0,"maxAbsDifference":11}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReadAsync(response)).GetProperty("errors");
        Assert.Equal(
            ["compression", "dataset", "shards", "verification.canaryRate", "verification.maxAbsDifference", "verification.minCosine", "verification.replicas", "verification.replicationShare"],
            errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ADataParallelJobMayOnlyNameADatasetItsClientUploaded()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>());
        using var alice = api.ClientFor("alice");
        var unknown = new string('a', 64);

        using var response = await alice.PostAsync(new Uri("/api/jobs", UriKind.Relative), Json($$"""{"spec":{{Spec}},"mode":"data-parallel","dataset":"{{unknown}}"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("upload it", (await ReadAsync(response)).GetProperty("errors").GetProperty("dataset")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFederatedJobRefusesShardsAndVerificationSettings()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>());
        using var alice = api.ClientFor("alice");

        using var response = await alice.PostAsync(new Uri("/api/jobs", UriKind.Relative), Json($$$"""{"spec":{{{Spec}}},"shards":4,"verification":{}}"""));

        var errors = (await ReadAsync(response)).GetProperty("errors");
        Assert.Equal(["shards", "verification"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheModelNameDefaultsToASlugOfTheSpecName()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>());
        using var alice = api.ClientFor("alice");
        var spec = Spec.Replace("\"name\":\"mlp\"", "\"name\":\"My_MLP.v2\"", StringComparison.Ordinal);

        using var created = await alice.PostAsync(new Uri("/api/jobs", UriKind.Relative), Json($$"""{"spec":{{spec}}}"""));

        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        Assert.Equal("my-mlp-v2", (await ReadAsync(created)).GetProperty("model").GetString());
    }

    [Fact]
    public async Task WithoutAValidKeyTheJobsApiAnswers401()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>());
        using var anonymous = api.CreateClient();
        using var wrong = api.CreateClient();
        wrong.DefaultRequestHeaders.Add("X-Api-Key", "not-a-key");

        using var none = await anonymous.GetAsync(new Uri("/api/jobs", UriKind.Relative));
        using var bad = await wrong.PostAsync(new Uri("/api/jobs", UriKind.Relative), Json($$"""{"spec":{{Spec}}}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
    }

    [Fact]
    public async Task AnotherClientsJobLooksExactlyLikeAMissingOne()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>());
        using var alice = api.ClientFor("alice");
        using var bob = api.ClientFor("bob");
        using var created = await alice.PostAsync(new Uri("/api/jobs", UriKind.Relative), Json($$"""{"spec":{{Spec}}}"""));

        using var peek = await bob.GetAsync(created.Headers.Location);
        using var cancel = await bob.DeleteAsync(created.Headers.Location);
        using var missing = await bob.GetAsync(new Uri("/api/jobs/job-0000000000000000", UriKind.Relative));
        using var list = await bob.GetAsync(new Uri("/api/jobs", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, peek.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(0, (await ReadAsync(list)).GetProperty("total").GetInt32());
        Assert.Equal("pending", (await ReadAsync(await alice.GetAsync(created.Headers.Location))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ASubmissionRetriedWithItsIdempotencyKeyAnswersTheSameJobAndCreatesNoOther()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>());
        using var alice = api.ClientFor("alice");
        using var bob = api.ClientFor("bob");
        var body = $$"""{"spec":{{Spec}},"rounds":4}""";

        using var first = await PostAsync(alice, body, "retry-1");
        using var again = await PostAsync(alice, body, "retry-1");
        using var changed = await PostAsync(alice, $$"""{"spec":{{Spec}},"rounds":5}""", "retry-1");
        using var otherClient = await PostAsync(bob, body, "retry-1");
        using var badKey = await PostAsync(alice, body, new string('k', 101));
        using var list = await alice.GetAsync(new Uri("/api/jobs", UriKind.Relative));

        var id = (await ReadAsync(first)).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(id, (await ReadAsync(again)).GetProperty("id").GetString());
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, otherClient.StatusCode);
        Assert.NotEqual(id, (await ReadAsync(otherClient)).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
        Assert.Equal(1, (await ReadAsync(list)).GetProperty("total").GetInt32());
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/jobs", UriKind.Relative)) { Content = Json(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task CancellingAJobMakesItCancelledAndASecondCancelConflicts()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>());
        using var alice = api.ClientFor("alice");
        using var created = await alice.PostAsync(new Uri("/api/jobs", UriKind.Relative), Json($$"""{"spec":{{Spec}}}"""));

        using var first = await alice.DeleteAsync(created.Headers.Location);
        using var second = await alice.DeleteAsync(created.Headers.Location);

        Assert.Equal("cancelled", (await ReadAsync(first)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task AJobSubmittedThroughTheApiLivesInPostgresAndSurvivesItsSiloStopping()
    {
        var serviceId = LocalServices.UniqueId("jobs");
        var clusterId = LocalServices.UniqueId("jobc");
        await using var cluster = await PostgresCluster.StartAsync(serviceId, clusterId, silos: 2, client: false);
        await using var api = new ApiFactory(new Dictionary<string, string?>
        {
            ["Postgres:ConnectionString"] = LocalServices.PostgresConnection,
            ["BlobStorage:ConnectionString"] = LocalServices.AzuriteConnection,
            ["Chain:RpcUrl"] = LocalServices.AnvilUrl,
            ["Cluster:ServiceId"] = serviceId,
            ["Cluster:ClusterId"] = clusterId,
        });
        using var alice = api.ClientFor("alice");
        using var created = await alice.PostAsync(new Uri("/api/jobs", UriKind.Relative), Json($$"""{"spec":{{Spec}}}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await using (var postgres = await LocalServices.OpenPostgresAsync())
        await using (var rows = postgres.CreateCommand("SELECT count(*) FROM orleansstorage WHERE serviceid = @s AND graintypestring = 'job'"))
        {
            rows.Parameters.AddWithValue("s", serviceId);
            Assert.Equal(1L, (long)(await rows.ExecuteScalarAsync())!);
        }

        foreach (var silo in cluster.Silos.Keys.ToArray()[..1])
        {
            await cluster.StopSiloAsync(silo);
        }

        await cluster.StartSiloAsync();
        using var read = await alice.GetAsync(created.Headers.Location);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("pending", (await ReadAsync(read)).GetProperty("status").GetString());
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
