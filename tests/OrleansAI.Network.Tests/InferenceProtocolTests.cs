using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace OrleansAI.Network.Tests;

/// <summary>
/// The Open Inference Protocol as a client written from its specification sees it, against the real
/// network: three serving nodes (one of which lies) holding a model a job trained.
/// </summary>
[Collection(NetworkTestGroup.Name)]
public sealed class InferenceProtocolTests(InferenceNetwork fixture) : IClassFixture<InferenceNetwork>
{
    private static readonly int[] TwoImages = [2, 1, 28, 28];

    private HttpClient Client => fixture.Network.Client;

    private string VersionPath => $"/v2/models/{InferenceNetwork.Model}/versions/{fixture.Version}";

    [Fact]
    public async Task HealthAndServerMetadataAnswerAsTheProtocolSays()
    {
        var anonymous = fixture.Network.Api.CreateClient();
        Assert.True((await Json(anonymous, "/v2/health/live")).GetProperty("live").GetBoolean());
        Assert.True((await Json(anonymous, "/v2/health/ready")).GetProperty("ready").GetBoolean());
        var server = await Json(anonymous, "/v2");
        Assert.Equal("orleansai", server.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(server.GetProperty("version").GetString()));
        Assert.Contains("binary_tensor_data", server.GetProperty("extensions").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task ModelMetadataDescribesTheTensorsWithAndWithoutAVersion()
    {
        foreach (var path in new[] { $"/v2/models/{InferenceNetwork.Model}", VersionPath })
        {
            var meta = await Json(Client, path);
            Assert.Equal(InferenceNetwork.Model, meta.GetProperty("name").GetString());
            Assert.Contains(fixture.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), meta.GetProperty("versions").EnumerateArray().Select(v => v.GetString()));
            Assert.Equal("onnxruntime_onnx", meta.GetProperty("platform").GetString());
            var input = meta.GetProperty("inputs")[0];
            Assert.Equal("input", input.GetProperty("name").GetString());
            Assert.Equal("FP32", input.GetProperty("datatype").GetString());
            Assert.Equal([-1L, 1, 28, 28], input.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()));
            var outputs = meta.GetProperty("outputs").EnumerateArray().ToList();
            Assert.Equal(["logits", "label"], outputs.Select(o => o.GetProperty("name").GetString()));
            Assert.Equal([-1L, 10], outputs[0].GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()));
        }
    }

    [Fact]
    public async Task UnknownModelsAndVersionsAre404WithAnErrorBody()
    {
        foreach (var (method, path) in new[]
        {
            (HttpMethod.Get, "/v2/models/no-such-model"),
            (HttpMethod.Get, $"/v2/models/{InferenceNetwork.Model}/versions/999"),
            (HttpMethod.Get, $"/v2/models/{InferenceNetwork.Model}/versions/abc/ready"),
            (HttpMethod.Post, "/v2/models/no-such-model/infer"),
            (HttpMethod.Post, $"/v2/models/{InferenceNetwork.Model}/versions/999/infer"),
        })
        {
            using var request = new HttpRequestMessage(method, path) { Content = method == HttpMethod.Post ? JsonContent.Create(InferenceNetwork.Request(fixture.Images.Take(1))) : null };
            using var response = await Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.False(string.IsNullOrEmpty((await Body(response)).GetProperty("error").GetString()), path);
        }
    }

    [Fact]
    public async Task AModelHeldByNodesIsReady()
    {
        foreach (var path in new[] { $"/v2/models/{InferenceNetwork.Model}/ready", $"{VersionPath}/ready" })
        {
            var ready = await Json(Client, path);
            Assert.True(ready.GetProperty("ready").GetBoolean());
        }
    }

    [Fact]
    public async Task InferenceReturnsScoresAndLabelsForEveryRowAndEchoesTheId()
    {
        using var response = await fixture.InferAsync(InferenceNetwork.Request(fixture.Images.Take(3), new { replication = 3 }, id: "echo-me"));
        var body = await Body(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(InferenceNetwork.Model, body.GetProperty("model_name").GetString());
        Assert.Equal(fixture.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), body.GetProperty("model_version").GetString());
        Assert.Equal("echo-me", body.GetProperty("id").GetString());
        var outputs = body.GetProperty("outputs").EnumerateArray().ToDictionary(o => o.GetProperty("name").GetString()!);
        var logits = outputs["logits"];
        Assert.Equal("FP32", logits.GetProperty("datatype").GetString());
        Assert.Equal([3L, 10], logits.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()));
        var scores = logits.GetProperty("data").EnumerateArray().Select(d => d.GetSingle()).ToArray();
        Assert.Equal(30, scores.Length);
        var labels = outputs["label"];
        Assert.Equal("INT64", labels.GetProperty("datatype").GetString());
        var predicted = labels.GetProperty("data").EnumerateArray().Select(d => d.GetInt64()).ToArray();
        Assert.Equal(3, predicted.Length);
        for (var r = 0; r < 3; r++)
        {
            var row = scores.AsSpan(r * 10, 10);
            Assert.Equal(row.IndexOf(MaxOf(row)), (int)predicted[r]);
        }
    }

    [Fact]
    public async Task TheSdkReadsTheModelsMetadataAndGetsTheSameLabelsAsTheProtocolOnTheWire()
    {
        var sdk = fixture.Network.Sdk;
        var rows = fixture.Images.Take(4).ToList();

        var meta = await sdk.Inference.GetMetadataAsync(InferenceNetwork.Model, fixture.Version);
        var ready = await sdk.Inference.IsReadyAsync(InferenceNetwork.Model);
        var answer = await sdk.Inference.InferAsync(InferenceNetwork.Model, new Sdk.Inference.InferenceRequest
        {
            Id = "sdk-1",
            Inputs = [Sdk.Inference.InferenceInput.Fp32(meta.Inputs[0].Name, [.. rows.SelectMany(r => r)], rows.Count, 1, 28, 28)],
            Parameters = new Dictionary<string, object> { ["replication"] = 3 },
        });
        var missing = await Assert.ThrowsAsync<Sdk.OaiApiException>(() => sdk.Inference.InferAsync(InferenceNetwork.Model, new Sdk.Inference.InferenceRequest
        {
            Inputs = [Sdk.Inference.InferenceInput.Fp32("input", new float[784], 1, 1, 28, 28)],
        }, version: 999));

        Assert.Equal("input", meta.Inputs[0].Name);
        Assert.Equal([-1L, 1, 28, 28], meta.Inputs[0].Shape);
        Assert.True(ready);
        Assert.Equal("sdk-1", answer.Id);
        Assert.Equal(InferenceNetwork.Model, answer.ModelName);
        Assert.Equal([4L, 10], answer.Output("logits").Shape);
        Assert.Equal(40, answer.Output("logits").ToSingles().Length);
        Assert.Equal(await LabelsAsync(new { replication = 3 }, count: 4), answer.Output("label").ToInt64s());
        Assert.Equal(3, answer.Parameters!.Value.GetProperty("replicas_answered").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        // Without an id or parameters (the protocol refuses them null).
        var plain = await sdk.Inference.InferAsync(InferenceNetwork.Model, new Sdk.Inference.InferenceRequest
        {
            Inputs = [Sdk.Inference.InferenceInput.Fp32("input", [.. rows.SelectMany(r => r)], rows.Count, 1, 28, 28)],
        });
        Assert.Null(plain.Id);
        Assert.Equal(4, plain.Output("label").ToInt64s().Length);
        // The same request with the binary tensor extension: the same answer, as raw bytes.
        var binary = await sdk.Inference.InferBinaryAsync(InferenceNetwork.Model, new Sdk.Inference.InferenceRequest
        {
            Inputs = [Sdk.Inference.InferenceInput.Fp32("input", [.. rows.SelectMany(r => r)], rows.Count, 1, 28, 28)],
            Parameters = new Dictionary<string, object> { ["replication"] = 3 },
        }, fixture.Version);
        Assert.NotNull(binary.Output("logits").Binary);
        Assert.Equal(answer.Output("label").ToInt64s(), binary.Output("label").ToInt64s());
        Assert.Equal(answer.Output("logits").ToSingles(), binary.Output("logits").ToSingles());
        var deployment = await sdk.Models.GetDeploymentAsync(InferenceNetwork.Model, fixture.Version);
        Assert.Equal(Sdk.Models.DeploymentStatus.Ready, deployment.Status);
        Assert.Equal(3, deployment.Nodes.Count(n => n.State == "ready"));
    }

    [Fact]
    public async Task ConsensusReturnsTheHonestAnswerWhenOneOfThreeNodesLiesAndRecordsTheLiar()
    {
        var liar = fixture.Network.Agents[2].Address;
        var honest = await LabelsAsync(new { replication = 3 });
        for (var i = 0; i < 4; i++)
        {
            using var response = await fixture.InferAsync(InferenceNetwork.Request(fixture.Images.Take(8), new { replication = 3 }));
            var body = await Body(response);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(3, body.GetProperty("parameters").GetProperty("replicas_answered").GetInt32());
            Assert.Equal(2, body.GetProperty("parameters").GetProperty("replicas_agreed").GetInt32());
            Assert.Equal(honest, Labels(body));
        }

        await LocalNetwork.Until(() => fixture.DeploymentAsync().GetAwaiter().GetResult().RecentDisagreements.Any(d => d.Dissenters.SequenceEqual([liar])), TimeSpan.FromSeconds(10), "the disagreement to be recorded");
        var deployment = await fixture.DeploymentAsync();
        Assert.All(deployment.RecentDisagreements, d => Assert.Equal([liar], d.Dissenters));
        Assert.All(deployment.RecentDisagreements, d => Assert.DoesNotContain(liar, d.Majority));
        var view = await Client.GetFromJsonAsync<JsonElement>($"/api/providers/{liar}");
        Assert.True(view.GetProperty("inferenceDisagreements").GetInt64() > 0);
        // Being outvoted costs reputation; agreeing does not.
        var honestView = await Client.GetFromJsonAsync<JsonElement>($"/api/providers/{fixture.Network.Agents[0].Address}");
        var liarScore = view.GetProperty("reputation").GetProperty("score").GetDouble();
        var honestScore = honestView.GetProperty("reputation").GetProperty("score").GetDouble();
        Assert.True(liarScore < honestScore - 0.1, $"liar {liarScore}, honest {honestScore}");
    }

    [Fact]
    public async Task AuditsReRunSingleNodeAnswersAndATiebreakerNamesTheLiar()
    {
        var liar = fixture.Network.Agents[2].Address;
        var deployment = $"/api/models/{InferenceNetwork.Model}/versions/{fixture.Version}/deployment";
        using (var audited = await Client.PutAsJsonAsync(deployment, new { replicas = 3, replication = 1, auditRate = 1.0 }))
        {
            audited.EnsureSuccessStatusCode();
        }

        try
        {
            // The Api reuses a model's deployment settings for up to ServedModels.Freshness.
            await Task.Delay(Api.Inference.ServedModels.Freshness + TimeSpan.FromMilliseconds(500));
            for (var i = 0; i < 12; i++)
            {
                using var response = await fixture.InferAsync(InferenceNetwork.Request(fixture.Images.Skip(i % 8).Take(2)));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            await LocalNetwork.Until(
                () => fixture.DeploymentAsync().GetAwaiter().GetResult().RecentDisagreements.Any(d => d.Kind == "audit" && d.Dissenters.SequenceEqual([liar]) && d.Majority.Count == 2),
                TimeSpan.FromSeconds(15),
                "an audit to catch the liar");
        }
        finally
        {
            using var restored = await Client.PutAsJsonAsync(deployment, new { replicas = 3, replication = 1, auditRate = 0.0 });
            restored.EnsureSuccessStatusCode();
            await Task.Delay(Api.Inference.ServedModels.Freshness);
        }
    }

    [Fact]
    public async Task AnotherApiInstanceWithoutNodesOfItsOwnRelaysCallsThroughTheProviderGrains()
    {
        var honest = await LabelsAsync(new { replication = 3 });
        await using var second = new NetworkApi(fixture.Network.Cluster);
        using var client = second.Client();

        using var ready = await client.GetAsync($"{VersionPath}/ready");
        using var response = await fixture.InferAsync(InferenceNetwork.Request(fixture.Images.Take(8), new { replication = 3 }), client);
        var body = await Body(response);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, body.GetProperty("parameters").GetProperty("replicas_answered").GetInt32());
        Assert.Equal(honest, Labels(body));
    }

    [Fact]
    public async Task ThePlatformsOwnVerifierCatchesALyingNodeWithoutOtherNodesAndSparesTheHonest()
    {
        var liar = fixture.Network.Agents[2].Address;
        var deployment = $"/api/models/{InferenceNetwork.Model}/versions/{fixture.Version}/deployment";
        using (var verified = await Client.PutAsJsonAsync(deployment, new { replicas = 3, replication = 1, verifyRate = 1.0 }))
        {
            verified.EnsureSuccessStatusCode();
        }

        try
        {
            await Task.Delay(Api.Inference.ServedModels.Freshness + TimeSpan.FromMilliseconds(500));
            // Concurrent calls spread over the nodes (least outstanding first), so the liar answers some.
            for (var wave = 0; wave < 3; wave++)
            {
                var calls = Enumerable.Range(0, 6).Select(i => fixture.InferAsync(InferenceNetwork.Request(fixture.Images.Skip((wave * 6 + i) % 14).Take(2))));
                foreach (var response in await Task.WhenAll(calls))
                {
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    response.Dispose();
                }
            }

            await LocalNetwork.Until(
                () => Cases(liar).Any(c => c.GetProperty("evidence").GetProperty("kind").GetString() == "inference-verifier"),
                TimeSpan.FromSeconds(20),
                "the verifier to open a case against the liar");
            var caught = Cases(liar).First(c => c.GetProperty("evidence").GetProperty("kind").GetString() == "inference-verifier");
            var answers = caught.GetProperty("evidence").GetProperty("answers").EnumerateArray().ToList();
            Assert.Equal(2, answers.Count);
            Assert.Contains(answers, a => a.GetProperty("provider").GetString() == "platform-verifier" && a.GetProperty("inMajority").GetBoolean());
            Assert.Contains(answers, a => a.GetProperty("provider").GetString() == liar && !a.GetProperty("inMajority").GetBoolean());
            foreach (var honest in fixture.Network.Agents.Take(2))
            {
                Assert.DoesNotContain(Cases(honest.Address), c => c.GetProperty("evidence").GetProperty("kind").GetString() == "inference-verifier");
            }
        }
        finally
        {
            using var restored = await Client.PutAsJsonAsync(deployment, new { replicas = 3, replication = 1, verifyRate = 0.0 });
            restored.EnsureSuccessStatusCode();
            await Task.Delay(Api.Inference.ServedModels.Freshness);
        }
    }

    [Fact]
    public async Task MalformedRequestsAre400WithTheReasonAndTheServerStaysHealthy()
    {
        string Image(string shape, string data, string datatype = "FP32", string name = "input") =>
            $$"""{"inputs":[{"name":"{{name}}","shape":{{shape}},"datatype":"{{datatype}}","data":{{data}}}]}""";
        var row = "[" + string.Join(',', Enumerable.Repeat("0.5", 784)) + "]";
        var bodies = new Dictionary<string, string>
        {
            ["not json"] = "{\"inputs\": [",
            ["no inputs"] = "{\"id\":\"x\"}",
            ["wrong shape"] = Image("[1,28,28]", row),
            ["too few elements"] = Image("[1,1,28,28]", "[1,2,3]"),
            ["unknown input"] = Image("[1,1,28,28]", row, name: "pixels"),
            ["unknown datatype"] = Image("[1,1,28,28]", row, datatype: "FP99"),
            ["strings for numbers"] = Image("[1,1,28,28]", "[" + string.Join(',', Enumerable.Repeat("\"a\"", 784)) + "]"),
            ["unknown output"] = Image("[1,1,28,28]", row)[..^1] + ",\"outputs\":[{\"name\":\"embedding\"}]}",
            ["bad replication"] = Image("[1,1,28,28]", row)[..^1] + ",\"parameters\":{\"replication\":99}}",
        };
        foreach (var (what, text) in bodies)
        {
            using var response = await Client.PostAsync($"{VersionPath}/infer", new StringContent(text, Encoding.UTF8, "application/json"));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode}");
            Assert.False(string.IsNullOrWhiteSpace((await Body(response)).GetProperty("error").GetString()), what);
        }

        Assert.True((await Json(Client, "/v2/health/live")).GetProperty("live").GetBoolean());
        using var good = await fixture.InferAsync(InferenceNetwork.Request(fixture.Images.Take(1), new { replication = 3 }));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    [Fact]
    public async Task AnOversizedRequestIs413AndTheServerStaysHealthy()
    {
        var huge = InferenceNetwork.Request(Enumerable.Repeat(fixture.Images[0], 1000));
        using var response = await fixture.InferAsync(huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("limit", (await Body(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
        using var good = await fixture.InferAsync(InferenceNetwork.Request(fixture.Images.Take(1), new { replication = 3 }));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    [Fact]
    public async Task AClientOverItsRateGets429WithRetryAfter()
    {
        using var bob = fixture.ThrottledHttp();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 10; i++)
        {
            var response = await bob.PostAsJsonAsync("/v2/models/anything/infer", InferenceNetwork.Request(fixture.Images.Take(1)));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited ??= response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(limited);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.False(string.IsNullOrEmpty((await Body(limited)).GetProperty("error").GetString()));
        limited.Dispose();
        // Alice's own rate is untouched by Bob's.
        using var alice = await fixture.InferAsync(InferenceNetwork.Request(fixture.Images.Take(1), new { replication = 3 }));
        Assert.Equal(HttpStatusCode.OK, alice.StatusCode);
    }

    [Fact]
    public async Task TheBinaryTensorExtensionCarriesTheSameNumbersAsJson()
    {
        var rows = fixture.Images.Take(2).ToList();
        var json = await Body(await fixture.InferAsync(InferenceNetwork.Request(rows, new { replication = 3 })));
        var expected = json.GetProperty("outputs").EnumerateArray().First(o => o.GetProperty("name").GetString() == "logits").GetProperty("data").EnumerateArray().Select(d => d.GetSingle()).ToArray();

        var header = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            parameters = new { replication = 3 },
            inputs = new[] { new { name = "input", shape = TwoImages, datatype = "FP32", parameters = new { binary_data_size = 2 * 784 * 4 } } },
            outputs = new[] { new { name = "logits", parameters = new { binary_data = true } } },
        }));
        var payload = rows.SelectMany(r => r).SelectMany(BitConverter.GetBytes).ToArray();
        using var content = new ByteArrayContent([.. header, .. payload]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        content.Headers.Add("Inference-Header-Content-Length", header.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await Client.PostAsync($"{VersionPath}/infer", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var jsonLength = int.Parse(response.Headers.GetValues("Inference-Header-Content-Length").Single(), System.Globalization.CultureInfo.InvariantCulture);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var meta = JsonDocument.Parse(bytes.AsMemory(0, jsonLength)).RootElement.GetProperty("outputs")[0];
        Assert.Equal(80, meta.GetProperty("parameters").GetProperty("binary_data_size").GetInt32());
        var actual = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes.AsSpan(jsonLength)).ToArray();
        Assert.Equal(expected, actual);
    }

    private List<JsonElement> Cases(string provider) =>
        [.. Client.GetFromJsonAsync<JsonElement>($"/api/providers/{provider}/cases").GetAwaiter().GetResult().EnumerateArray()];

    private async Task<long[]> LabelsAsync(object parameters, int count = 8)
    {
        using var response = await fixture.InferAsync(InferenceNetwork.Request(fixture.Images.Take(count), parameters));
        return Labels(await Body(response));
    }

    private static long[] Labels(JsonElement body) =>
        [.. body.GetProperty("outputs").EnumerateArray().First(o => o.GetProperty("name").GetString() == "label").GetProperty("data").EnumerateArray().Select(d => d.GetInt64())];

    private static float MaxOf(ReadOnlySpan<float> row)
    {
        var max = row[0];
        foreach (var v in row)
        {
            max = Math.Max(max, v);
        }

        return max;
    }

    private static async Task<JsonElement> Json(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await Body(response);
    }

    private static async Task<JsonElement> Body(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
