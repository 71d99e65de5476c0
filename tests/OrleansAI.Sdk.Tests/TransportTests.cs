using System.Net;
using System.Text;
using System.Text.Json;
using OrleansAI.Sdk.Inference;
using OrleansAI.Sdk.Jobs;

namespace OrleansAI.Sdk.Tests;

public sealed class TransportTests
{
    private const string JobJson = """
        {"id":"job-1","name":"n","status":"STATUS","statusReason":"","roundsCompleted":0,"rounds":1,"strategy":"fedavg","dataset":"fashion-mnist",
         "deadline":"2026-12-06T00:00:00Z","created":"2026-12-05T00:00:00Z","updated":"2026-12-05T00:00:00Z","model":"m","modelVersion":VERSION,
         "history":[],"budget":"0","escrowJobId":null,"mode":"federated","shards":null,"verification":null,"rootDataset":null}
        """;

    private static string Job(string status, int? version = null) =>
        JobJson.ReplaceLineEndings(string.Empty).Replace("STATUS", status, StringComparison.Ordinal).Replace("VERSION", version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null", StringComparison.Ordinal);

    private static OaiClient Client(ScriptedHandler handler, string baseAddress = "http://api.test/") =>
        new(new HttpClient(handler) { BaseAddress = new Uri(baseAddress) }, "key-1");

    [Fact]
    public async Task EveryCallCarriesTheKeyAndEscapesWhatTheCallerPassesInThePath()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(HttpStatusCode.OK, Job("running")));
        using var client = Client(handler, "http://api.test/prefix/");

        await client.Jobs.GetAsync("job-1/../../admin?x=1");

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("Bearer", sent.Headers.Authorization?.Scheme);
        Assert.Equal("key-1", sent.Headers.Authorization?.Parameter);
        Assert.Equal("/prefix/api/jobs/job-1%2F..%2F..%2Fadmin%3Fx%3D1", sent.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task AnOwnedClientKeepsAPathPrefixWithoutATrailingSlashButASharedOneMustHaveIt()
    {
        using var owned = new OaiClient(new Uri("http://127.0.0.1:1/oai"), "key", new OaiClientOptions { AllowPlaintext = true });
        Assert.Throws<ArgumentException>(() => new OaiClient(new HttpClient { BaseAddress = new Uri("http://api.test/oai") }, "key"));
        Assert.Throws<ArgumentException>(() => new OaiClient(new HttpClient(), "key"));
        Assert.Throws<ArgumentException>(() => new OaiClient(new HttpClient { BaseAddress = new Uri("http://api.test/") }, string.Empty));
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => owned.Jobs.ListAsync());
        Assert.Contains("127.0.0.1:1", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOwnedClientRefusesPlaintextUnlessAllowedAndAMissingCaFileIsNamed()
    {
        var refused = Assert.Throws<ArgumentException>(() => new OaiClient(new Uri("http://127.0.0.1:1/"), "key"));
        var missing = Assert.Throws<ArgumentException>(() => new OaiClient(new Uri("https://127.0.0.1:1/"), "key", new OaiClientOptions { PinnedAuthorityFile = "/nonexistent/ca.crt" }));

        Assert.Contains("OaiClientOptions.AllowPlaintext", refused.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/ca.crt", missing.Message, StringComparison.Ordinal);
        using var https = new OaiClient(new Uri("https://127.0.0.1:1/"), "key");
    }

    [Fact]
    public async Task AProblemBecomesAnExceptionWithTitleDetailAndEveryFieldError()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(HttpStatusCode.BadRequest,
            """{"title":"One or more validation errors occurred.","detail":"see errors","status":400,"errors":{"rounds":["1 to 1000."],"spec":["layers[0]: bad","second"]}}""",
            "application/problem+json"));
        using var client = Client(handler);

        var ex = await Assert.ThrowsAsync<OaiApiException>(() => client.Jobs.ListAsync());

        Assert.Equal(HttpStatusCode.BadRequest, ex.Status);
        Assert.Equal("One or more validation errors occurred.", ex.Title);
        Assert.Equal("see errors", ex.Detail);
        Assert.Equal(["1 to 1000."], ex.Errors["rounds"]);
        Assert.Equal(["layers[0]: bad", "second"], ex.Errors["spec"]);
        Assert.Contains("rounds: 1 to 1000.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInferenceErrorIsTheTitleAndRetryAfterIsKept()
    {
        var handler = new ScriptedHandler((_, _) =>
        {
            var response = ScriptedHandler.Json(HttpStatusCode.TooManyRequests, """{"error":"too many requests for model 'm'"}""");
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(3));
            return response;
        });
        using var client = Client(handler);

        var ex = await Assert.ThrowsAsync<OaiApiException>(() => client.Inference.InferAsync("m", new InferenceRequest { Inputs = [InferenceInput.Fp32("x", [1f, 2f], 1, 2)] }));

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.Status);
        Assert.Equal("too many requests for model 'm'", ex.Title);
        Assert.Equal(TimeSpan.FromSeconds(3), ex.RetryAfter);
        var body = handler.Bodies[0];
        // The protocol refuses a null id or parameters: absent ones are left out.
        Assert.Equal("""{"inputs":[{"name":"x","shape":[1,2],"datatype":"FP32","data":[1,2]}]}""", body);
    }

    [Fact]
    public async Task AnErrorBodyIsReadOnlyUpToItsLimitAndNonJsonFallsBackToTheStatus()
    {
        var huge = "{\"title\":\"" + new string('x', 1_000_000) + "\"}";
        var handler = new ScriptedHandler((_, i) => i == 0
            ? ScriptedHandler.Json(HttpStatusCode.InternalServerError, huge)
            : new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>proxy</html>", Encoding.UTF8, "text/html") });
        using var client = Client(handler);

        var truncated = await Assert.ThrowsAsync<OaiApiException>(() => client.Jobs.ListAsync());
        var html = await Assert.ThrowsAsync<OaiApiException>(() => client.Jobs.ListAsync());

        Assert.Equal(HttpStatusCode.InternalServerError, truncated.Status);
        Assert.Equal("Internal Server Error", truncated.Title);
        Assert.Equal(HttpStatusCode.BadGateway, html.Status);
        Assert.Equal("Bad Gateway", html.Title);
    }

    [Fact]
    public async Task WatchReadsEveryServerSentEventInOrderAndSkipsComments()
    {
        var stream = new StringBuilder()
            .Append("event: snapshot\ndata: {\"kind\":\"snapshot\",\"status\":\"running\",\"reason\":\"\",\"round\":null,\"model\":null,\"modelVersion\":null,\"job\":").Append(Job("running")).Append("}\n\n")
            .Append(": keep-alive\n\n")
            .Append("event: round\ndata: {\"kind\":\"round\",\"status\":\"running\",\"reason\":\"\",\"round\":{\"round\":1,\"evaluation\":false,\"participants\":3,\"assigned\":3,\"failed\":0,\"attempts\":1,\"trainLoss\":0.5,\"accuracy\":0.8,\"loss\":0.6,\"keptBecause\":null,\"bytesIn\":10,\"bytesOut\":20,\"wallMs\":100.5,\"slowestComputeMs\":90,\"weights\":\"ab\"},\"model\":null,\"modelVersion\":null,\"job\":null}\n\n")
            .Append("event: model\ndata: {\"kind\":\"model\",\"status\":\"completed\",\"reason\":\"\",\"round\":null,\"model\":\"m\",\"modelVersion\":2,\"job\":null}\n\n")
            .ToString();
        var handler = new ScriptedHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(stream, Encoding.UTF8, "text/event-stream") });
        using var client = Client(handler);

        var events = new List<JobProgress>();
        await foreach (var e in client.Jobs.WatchAsync("job-1"))
        {
            events.Add(e);
        }

        Assert.Equal(["snapshot", "round", "model"], events.Select(e => e.Kind));
        Assert.Equal(JobStatus.Running, events[0].Job!.Status);
        Assert.Equal(0.8, events[1].Round!.Accuracy);
        Assert.Equal(JobStatus.Completed, events[2].Status);
        Assert.Equal(2, events[2].ModelVersion);
        Assert.Equal("text/event-stream", handler.Requests[0].Headers.Accept.Single().MediaType);
    }

    [Fact]
    public async Task WaitFollowsTheJobAgainWhenItsStreamDropsAndReturnsItFinishedWithItsModel()
    {
        var calls = 0;
        var handler = new ScriptedHandler((request, _) =>
        {
            var n = Interlocked.Increment(ref calls);
            if (request.RequestUri!.AbsolutePath.EndsWith("/events", StringComparison.Ordinal))
            {
                // The first stream breaks off; the second one ends normally.
                return n == 1
                    ? throw new HttpRequestException("connection reset")
                    : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(string.Empty, Encoding.UTF8, "text/event-stream") };
            }

            // Still running after the break; completed without, then with, its model after the second stream.
            return ScriptedHandler.Json(HttpStatusCode.OK, n switch
            {
                2 => Job("running"),
                4 => Job("completed"),
                _ => Job("completed", version: 3),
            });
        });
        using var client = Client(handler);

        var job = await client.Jobs.WaitAsync("job-1");

        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal(3, job.ModelVersion);
        Assert.Equal(["/api/jobs/job-1/events", "/api/jobs/job-1", "/api/jobs/job-1/events", "/api/jobs/job-1", "/api/jobs/job-1"], handler.Requests.Select(r => r.RequestUri!.AbsolutePath));
    }

    [Fact]
    public async Task WaitReadsTheJobAgainWhileTheServerAnswers503ButAClientErrorEndsIt()
    {
        var handler = new ScriptedHandler((request, i) =>
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/events", StringComparison.Ordinal))
            {
                return ScriptedHandler.Json(HttpStatusCode.ServiceUnavailable, """{"title":"The cluster is unavailable."}""", "application/problem+json");
            }

            if (request.RequestUri.AbsolutePath.Contains("job-gone", StringComparison.Ordinal))
            {
                return ScriptedHandler.Json(HttpStatusCode.NotFound, """{"title":"Job not found."}""", "application/problem+json");
            }

            return i < 3
                ? ScriptedHandler.Json(HttpStatusCode.ServiceUnavailable, """{"title":"The cluster is unavailable."}""", "application/problem+json")
                : ScriptedHandler.Json(HttpStatusCode.OK, Job("failed"));
        });
        using var client = Client(handler);

        var job = await client.Jobs.WaitAsync("job-1");
        var gone = await Assert.ThrowsAsync<OaiApiException>(() => client.Jobs.WaitAsync("job-gone"));

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
    }

    [Fact]
    public async Task ACallTheServerDoesNotAnswerInTimeThrowsTimeoutButTheCallersOwnCancelStaysACancel()
    {
        using var handler = new StallingHandler();
        using var client = new OaiClient(new HttpClient(handler) { BaseAddress = new Uri("http://api.test/") }, "key") { RequestTimeout = TimeSpan.FromMilliseconds(200) };
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var late = await Assert.ThrowsAsync<TimeoutException>(() => client.Jobs.ListAsync());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Jobs.GetAsync("job-1", cancel.Token));

        Assert.Contains("0.2 s", late.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => client.RequestTimeout = TimeSpan.Zero);
    }

    [Fact]
    public async Task ASubmissionIsSentAgainWithTheSameKeyAfterA503ButARefusalIsNot()
    {
        var handler = new ScriptedHandler((_, i) => i == 0
            ? ScriptedHandler.Json(HttpStatusCode.ServiceUnavailable, """{"title":"The cluster is unavailable."}""", "application/problem+json")
            : ScriptedHandler.Json(HttpStatusCode.Created, Job("pending")));
        using var client = Client(handler);
        var request = new JobRequest { Spec = JsonDocument.Parse("{}").RootElement.Clone() };

        var job = await client.Jobs.SubmitAsync(request);

        Assert.Equal("job-1", job.Id);
        Assert.Equal(2, handler.Requests.Count);
        var keys = handler.Requests.Select(r => r.Headers.GetValues("Idempotency-Key").Single()).ToList();
        Assert.Equal(keys[0], keys[1]);
        Assert.Equal(32, keys[0].Length);

        var refusing = new ScriptedHandler((_, _) => ScriptedHandler.Json(HttpStatusCode.BadRequest, """{"title":"The job was refused.","errors":{"rounds":["1 to 1000."]}}""", "application/problem+json"));
        using var refused = Client(refusing);
        await Assert.ThrowsAsync<OaiApiException>(() => refused.Jobs.SubmitAsync(request, "my-key"));
        Assert.Single(refusing.Requests);
        Assert.Equal("my-key", refusing.Requests[0].Headers.GetValues("Idempotency-Key").Single());

        var down = new ScriptedHandler((_, _) => ScriptedHandler.Json(HttpStatusCode.BadGateway, """{"title":"down"}""", "application/problem+json"));
        using var unreachable = Client(down);
        var gaveUp = await Assert.ThrowsAsync<OaiApiException>(() => unreachable.Jobs.SubmitAsync(request));
        Assert.Equal(HttpStatusCode.BadGateway, gaveUp.Status);
        Assert.Equal(JobsClient.SubmitAttempts, down.Requests.Count);
    }

    [Fact]
    public void AnFp32InputMustHoldExactlyTheValuesItsShapeSays()
    {
        var input = InferenceInput.Fp32("x", new float[6], 2, 3);

        Assert.Equal([2L, 3L], input.Shape);
        Assert.Throws<ArgumentException>(() => InferenceInput.Fp32("x", new float[5], 2, 3));
    }
}
