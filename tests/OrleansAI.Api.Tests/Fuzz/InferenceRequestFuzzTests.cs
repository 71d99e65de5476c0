using System.Net;
using System.Net.Http.Headers;
using System.Text;
using OrleansAI.Grains.Interfaces.Inference;
using OrleansAI.Grains.Interfaces.Models;
using OrleansAI.Models.Specs;
using OrleansAI.Models.Weights;
using OrleansAI.Testing.Fuzz;

namespace OrleansAI.Api.Tests.Fuzz;

/// <summary>
/// POST /v2/models/{name}/infer on a deployed model: whatever the body and the binary extension's
/// header, a request the reader refuses is a 400 with an OIP error body (<c>{"error": "..."}</c>) and
/// never a 500. No node serves the model here, so a request that passes every check is a 503.
/// </summary>
public sealed class InferenceRequestFuzzTests(FuzzApi api) : IClassFixture<FuzzApi>
{
    private const string Model = "fuzz";

    private const string Valid = """{"id":"r1","inputs":[{"name":"input","shape":[2,4],"datatype":"FP32","data":[[1,2,3,4],[5,6,7,8]]}],"outputs":[{"name":"logits","parameters":{"classification":2}}],"parameters":{"timeout_ms":50}}""";

    private static readonly Uri Infer = new($"/v2/models/{Model}/infer", UriKind.Relative);

    [Fact]
    public async Task MutatedJsonAndBinaryRequestsAreRefusedWithAnOipErrorNeverA500()
    {
        await DeployAsync(api);
        using var alice = api.ClientFor("alice");

        // The valid request passes the reader and finds no node: the mutations start from a request that gets that far.
        using (var valid = await PostAsync(alice, Encoding.UTF8.GetBytes(Valid), null))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, valid.StatusCode);
        }

        var random = new Random(16_60_01);
        var refused = 0;
        for (var i = 0; i < 240; i++)
        {
            byte[] body;
            string? header = null;
            switch (i % 3)
            {
                case 0:
                    body = Mutator.MutateText(Valid, random);
                    break;
                case 1:
                    body = Mutator.Mutate(Encoding.UTF8.GetBytes(Valid), random);
                    break;
                default:
                    // A binary-extension request, with its header length sometimes wrong or not a number.
                    var json = Encoding.UTF8.GetBytes("""{"inputs":[{"name":"input","shape":[1,4],"datatype":"FP32","parameters":{"binary_data_size":16}}],"parameters":{"timeout_ms":50}}""");
                    var binary = new byte[16];
                    random.NextBytes(binary);
                    body = Mutator.Mutate([.. json, .. binary], random);
                    header = random.Next(4) switch
                    {
                        0 => json.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        1 => random.Next(-5, body.Length + 5).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        2 => Encoding.ASCII.GetString(Mutator.Mutate(Encoding.ASCII.GetBytes(json.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)), random)).Replace('\0', ' '),
                        _ => "99999999999999999999",
                    };
                    break;
            }

            using var response = await PostAsync(alice, body, header);
            var text = await response.Content.ReadAsStringAsync();
            var what = $"case {i} ({Convert.ToBase64String(body)}, header '{header}'): {(int)response.StatusCode} {text}";
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.ServiceUnavailable, what);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            using var error = JsonDocument.Parse(text);
            Assert.False(string.IsNullOrWhiteSpace(error.RootElement.GetProperty("error").GetString()), what);
            refused += response.StatusCode == HttpStatusCode.BadRequest ? 1 : 0;
        }

        Assert.InRange(refused, 60, 239);
        Assert.Empty(api.Errors.Entries);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, byte[] body, string? headerLength)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Infer) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(headerLength is null ? "application/json" : "application/octet-stream");
        if (headerLength is not null)
        {
            request.Headers.TryAddWithoutValidation(Sdk.Inference.InferenceHeaders.HeaderContentLength, headerLength);
        }

        return await http.SendAsync(request);
    }

    // Registers a tiny trained model for alice and deploys it, as a finished job would.
    private static async Task DeployAsync(FuzzApi api)
    {
        const string spec = """{"name":"fuzz","inputShape":[4],"classes":3,"layers":[{"type":"linear","outFeatures":3}]}""";
        var weights = WeightInitializer.Initialize(ModelSpecJson.ParseAndPlan(spec), seed: 1).ToSafetensors();
        using var content = new MemoryStream(weights);
        var stored = await api.Store.PutAsync(content, CancellationToken.None);
        await api.Grains.GetGrain<IModelGrain>(ModelKeys.Model("alice", Model)).RegisterAsync(
            new ModelVersionRecord("alice", Model, 0, spec, stored, 0.9, 0.1, 100, "job-fuzz", 1, "fedavg", stored.Sha256, [], null, DateTimeOffset.UtcNow));
        await api.Grains.GetGrain<IModelDeploymentGrain>(ModelKeys.Version("alice", Model, 1)).DeployAsync(new DeploymentSettings(Replicas: 1));
    }
}
