using System.Net;
using System.Text;
using OrleansAI.Testing.Fuzz;

namespace OrleansAI.Api.Tests.Fuzz;

/// <summary>
/// POST /api/jobs binds a client's JSON and parses its model spec, strategy, compression and budget,
/// and its Idempotency-Key header: whatever they hold, the answer is 201, a 400 or (a key used with
/// another request) a 422, never a 500.
/// </summary>
public sealed class JobRequestFuzzTests(FuzzApi api) : IClassFixture<FuzzApi>
{
    private const string Spec = """{"name":"cnn","inputShape":[1,8,8],"classes":3,"layers":[{"type":"conv2d","outChannels":2,"kernelSize":3,"padding":1},{"type":"maxpool2d","kernelSize":2},{"type":"flatten"},{"type":"dropout","p":0.1},{"type":"linear","outFeatures":3}]}""";

    private const string DatasetPlaceholder = "0000000000000000000000000000000000000000000000000000000000000000";

    private static readonly string[] ValidRequests =
    [
        $$"""{"name":"j","spec":{{Spec}},"rounds":3,"strategy":"trimmed:0.2","minProviders":3,"fractionPerRound":0.5,"localEpochs":2,"learningRate":0.01,"batchSize":32,"budget":"0","compression":"topk:0.1+int8","roundTimeoutSeconds":60,"quorum":2,"proximalMu":0.1,"weightDecay":0.001,"model":"m-1"}""",
        $$"""{"spec":{{Spec}},"mode":"data-parallel","dataset":"{{DatasetPlaceholder}}","shards":4,"verification":{"replicationShare":0.5,"replicas":2,"canaryRate":0.1,"minCosine":0.9,"maxAbsDifference":0.01},"strategy":"fedavg","minProviders":2}""",
    ];

    [Theory]
    [InlineData("""{"name":"\ud800","inputShape":[4],"classes":2,"layers":[{"type":"linear","outFeatures":2}]}""")]
    [InlineData("""{"name":"m","inputShape":[4],"classes":2,"layers":[{"type":"linear","outFeatures":2,"\udc00":1}]}""")]
    public async Task ASpecEscapingAnUnpairedSurrogateIsA400NamingTheSpec(string spec)
    {
        using var alice = api.ClientFor("alice");

        using var response = await alice.PostAsync(new Uri("/api/jobs", UriKind.Relative), Json($$"""{"spec":{{spec}}}"""));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body}");
        using var problem = JsonDocument.Parse(body);
        Assert.Contains("unpaired surrogate", problem.RootElement.GetProperty("errors").GetProperty("spec")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASpecHoldingBytesThatAreNotUtf8IsA400NamingTheSpec()
    {
        // The binder keeps the spec as a JsonElement without decoding its strings; 0xE9 alone is no UTF-8.
        using var alice = api.ClientFor("alice");
        byte[] body = [.. Encoding.UTF8.GetBytes("{\"spec\":{\"name\":\"m\",\"cla"), 0xE9, .. Encoding.UTF8.GetBytes("sses\":2}}")];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await alice.PostAsync(new Uri("/api/jobs", UriKind.Relative), content);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        using var problem = JsonDocument.Parse(text);
        Assert.Contains("UTF-8", problem.RootElement.GetProperty("errors").GetProperty("spec")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("krum:2147483647")]
    [InlineData("multikrum:18446744073709551616")]
    [InlineData("krum:1.5")]
    public async Task AKrumCountThatCouldNeverRunIsA400NamingTheStrategy(string strategy)
    {
        // f = 2^31 - 1 wrapped Krum's client minimum to 1: the job was accepted and its rounds failed inside Krum.
        using var alice = api.ClientFor("alice");

        using var response = await alice.PostAsync(new Uri("/api/jobs", UriKind.Relative), Json($$"""{"spec":{{Spec}},"strategy":"{{strategy}}","minProviders":1000}"""));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        using var problem = JsonDocument.Parse(text);
        Assert.Contains("whole number", problem.RootElement.GetProperty("errors").GetProperty("strategy")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheValidRequestsAreAccepted()
    {
        // The mutations start from these; they must be accepted for "mutated" to mean anything.
        using var alice = api.ClientFor("alice");
        var dataset = await UploadDatasetAsync(alice);
        foreach (var valid in ValidRequests)
        {
            using var response = await alice.PostAsync(new Uri("/api/jobs", UriKind.Relative), Json(valid.Replace(DatasetPlaceholder, dataset, StringComparison.Ordinal)));

            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task MutatedJobRequestsAreAcceptedOrRefusedWithA400()
    {
        using var alice = api.ClientFor("alice");
        var dataset = await UploadDatasetAsync(alice);
        var random = new Random(16_50_01);
        var accepted = 0;
        for (var i = 0; i < 250; i++)
        {
            var valid = ValidRequests[random.Next(ValidRequests.Length)].Replace(DatasetPlaceholder, dataset, StringComparison.Ordinal);
            var body = random.Next(3) == 0 ? Mutator.Mutate(Encoding.UTF8.GetBytes(valid), random) : Mutator.MutateText(valid, random);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/jobs", UriKind.Relative)) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            if (i % 4 == 0)
            {
                // The idempotency key is the client's text too; a few keys repeat, so replays and clashes are met.
                var key = i % 8 == 0 ? $"key-{random.Next(3)}" : new string(Mutator.RandomString(random, 120).Select(c => (char)(c % 0xFF)).Where(c => c >= ' ').ToArray());
                request.Headers.TryAddWithoutValidation(Sdk.Jobs.JobHeaders.IdempotencyKey, key);
            }

            using var response = await alice.SendAsync(request);

            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"case {i} ({Encoding.UTF8.GetString(body)}): {(int)response.StatusCode} {text}");
            accepted += response.StatusCode == HttpStatusCode.Created ? 1 : 0;
        }

        Assert.InRange(accepted, 1, 200);
        Assert.Empty(api.Errors.Entries);
    }

    private static async Task<string> UploadDatasetAsync(HttpClient http)
    {
        var file = Models.Data.DatasetFile.Write(new Models.Data.LabeledDataset([1, 8, 8], new float[2 * 64], [0, 2], 3));
        using var content = new ByteArrayContent(file);
        using var response = await http.PostAsync(new Uri("/api/datasets", UriKind.Relative), content);
        // The class's tests share one Api: the second upload of the same file finds it there.
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{(int)response.StatusCode}");
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file));
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
