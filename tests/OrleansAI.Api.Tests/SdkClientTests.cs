using System.Net;
using OrleansAI.Sdk;
using OrleansAI.Sdk.Cases;
using OrleansAI.Sdk.Inference;
using OrleansAI.Sdk.Jobs;
using OrleansAI.Models.Data;

namespace OrleansAI.Api.Tests;

/// <summary>The client package against the real Api (co-hosted cluster): what a .NET application sees.</summary>
public sealed class SdkClientTests
{
    private const string Spec = """{"name":"mlp","inputShape":[1,28,28],"classes":10,"layers":[{"type":"flatten"},{"type":"linear","outFeatures":32},{"type":"relu"},{"type":"linear","outFeatures":10}]}""";

    private static JobRequest Job(string spec = Spec, int rounds = 5) => new()
    {
        Spec = JsonDocument.Parse(spec).RootElement.Clone(),
        Rounds = rounds,
        Strategy = "trimmed:0.2",
        MinProviders = 3,
    };

    [Fact]
    public async Task AJobIsSubmittedReadListedAndCancelledThroughTheSdk()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>());
        using var http = api.CreateClient();
        using var alice = new OaiClient(http, ApiFactory.ClientKeys["alice"]);

        var job = await alice.Jobs.SubmitAsync(Job());
        var read = await alice.Jobs.GetAsync(job.Id);
        var page = await alice.Jobs.ListAsync();
        var cancelled = await alice.Jobs.CancelAsync(job.Id);

        Assert.Equal(JobStatus.Pending, job.Status);
        Assert.Equal("mlp", job.Name);
        Assert.Equal(5, job.Rounds);
        Assert.Equal("trimmed:0.2", read.Strategy);
        Assert.Equal(job.Id, Assert.Single(page.Items).Id);
        Assert.Equal(1, page.Total);
        Assert.Equal(JobStatus.Cancelled, cancelled.Status);
        Assert.True(JobsClient.IsFinished(cancelled));
        var again = await Assert.ThrowsAsync<OaiApiException>(() => alice.Jobs.CancelAsync(job.Id));
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
    }

    [Fact]
    public async Task ARefusedJobThrowsWithTheFieldsAtFaultAndTheirReasons()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>());
        using var http = api.CreateClient();
        using var alice = new OaiClient(http, ApiFactory.ClientKeys["alice"]);
        var bad = Spec.Replace("{\"type\":\"flatten\"},", "", StringComparison.Ordinal);

        var refused = await Assert.ThrowsAsync<OaiApiException>(() => alice.Jobs.SubmitAsync(Job(bad, rounds: 0)));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("layers[0] (linear): needs a flat input but gets 1x28x28", refused.Errors["spec"][0], StringComparison.Ordinal);
        Assert.True(refused.Errors.ContainsKey("rounds"), string.Join(", ", refused.Errors.Keys));
        Assert.Contains("spec:", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherClientsJobIsNotFoundAndAWrongKeyIsUnauthorized()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>());
        using var http = api.CreateClient();
        using var alice = new OaiClient(http, ApiFactory.ClientKeys["alice"]);
        using var bob = new OaiClient(http, ApiFactory.ClientKeys["bob"]);
        using var stranger = new OaiClient(http, "not-a-key");
        var job = await alice.Jobs.SubmitAsync(Job());

        var hidden = await Assert.ThrowsAsync<OaiApiException>(() => bob.Jobs.GetAsync(job.Id));
        var watched = await Assert.ThrowsAsync<OaiApiException>(async () => await bob.Jobs.WatchAsync(job.Id).FirstAsync());
        var unknown = await Assert.ThrowsAsync<OaiApiException>(() => stranger.Jobs.ListAsync());

        Assert.Equal(HttpStatusCode.NotFound, hidden.Status);
        Assert.Equal(HttpStatusCode.NotFound, watched.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.Status);
        Assert.Equal(JobStatus.Pending, (await alice.Jobs.GetAsync(job.Id)).Status);
    }

    [Fact]
    public async Task WatchingAJobStartsWithItsSnapshotAndEndsWhenItIsCancelled()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>());
        using var http = api.CreateClient();
        using var alice = new OaiClient(http, ApiFactory.ClientKeys["alice"]);
        var job = await alice.Jobs.SubmitAsync(Job());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var events = new List<JobProgress>();
        var watching = Task.Run(async () =>
        {
            await foreach (var e in alice.Jobs.WatchAsync(job.Id, timeout.Token))
            {
                lock (events)
                {
                    events.Add(e);
                }
            }
        });
        while (events.Count == 0)
        {
            await Task.Delay(50, timeout.Token);
        }

        await alice.Jobs.CancelAsync(job.Id, timeout.Token);
        await watching;
        var waited = await alice.Jobs.WaitAsync(job.Id, timeout.Token);

        Assert.Equal("snapshot", events[0].Kind);
        Assert.Equal(job.Id, events[0].Job?.Id);
        Assert.Equal(JobStatus.Cancelled, events[^1].Status);
        Assert.Equal(JobStatus.Cancelled, waited.Status);
    }

    [Fact]
    public async Task DatasetsAreUploadedListedAndReadAndABadFileIsRefusedWithItsReason()
    {
        await using var api = ApiFactory.WithRealServices();
        using var http = api.CreateClient();
        using var alice = new OaiClient(http, ApiFactory.ClientKeys["alice"]);
        var data = new LabeledDataset([2], [0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f], [0, 1, 2], 3);
        using var file = new MemoryStream(DatasetFile.Write(data));

        var uploaded = await alice.Datasets.UploadAsync(file, "three rows");
        Assert.True(file.CanRead, "the caller's stream was disposed");
        var listed = await alice.Datasets.ListAsync();
        var read = await alice.Datasets.GetAsync(uploaded.Sha256);
        using var garbage = new MemoryStream([1, 2, 3, 4]);
        var refused = await Assert.ThrowsAsync<OaiApiException>(() => alice.Datasets.UploadAsync(garbage));

        Assert.Equal("three rows", uploaded.Name);
        Assert.Equal(3, uploaded.Examples);
        Assert.Equal([2], uploaded.ExampleShape);
        Assert.Equal(uploaded.Sha256, Assert.Single(listed).Sha256);
        Assert.Equal(uploaded.Sha256, read.Sha256);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.True(refused.Errors.ContainsKey("body"));
    }

    [Fact]
    public async Task ProviderInferenceAndOperatorCallsAreRefusedWithTheServersReasons()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>());
        using var http = api.CreateClient();
        using var alice = new OaiClient(http, ApiFactory.ClientKeys["alice"]);

        var malformed = await Assert.ThrowsAsync<OaiApiException>(() => alice.Providers.GetAsync("0x123"));
        var unknown = await Assert.ThrowsAsync<OaiApiException>(() => alice.Providers.GetAsync("0x" + new string('a', 40)));
        var model = await Assert.ThrowsAsync<OaiApiException>(() => alice.Inference.InferAsync("no-such-model", new InferenceRequest
        {
            Inputs = [InferenceInput.Fp32("input", new float[4], 1, 4)],
        }));
        var operators = await Assert.ThrowsAsync<OaiApiException>(() => alice.Cases.ListAsync(FraudCaseStatus.Disputed));

        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.Equal("Not an address.", malformed.Title);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(HttpStatusCode.NotFound, model.Status);
        Assert.Contains("no-such-model", model.Title, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, operators.Status);
    }
}
