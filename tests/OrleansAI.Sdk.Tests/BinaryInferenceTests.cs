using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using OrleansAI.Sdk.Inference;

namespace OrleansAI.Sdk.Tests;

/// <summary>The binary tensor extension as the SDK writes and reads it.</summary>
public sealed class BinaryInferenceTests
{
    [Fact]
    public async Task InputsTravelAsRawLittleEndianBytesAfterAHeaderThatAnnouncesThem()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(HttpStatusCode.OK, """{"model_name":"m","model_version":"1","outputs":[]}"""));
        using var client = new OaiClient(new HttpClient(handler) { BaseAddress = new Uri("http://api.test/") }, "key");
        float[] pixels = [1.5f, -2f, 0.25f, 3f];

        await client.Inference.InferBinaryAsync("m", new InferenceRequest
        {
            Id = "b1",
            Inputs = [InferenceInput.Fp32("input", pixels, 1, 2, 2)],
            Parameters = new Dictionary<string, object> { ["replication"] = 3 },
        }, version: 1);

        var sent = handler.Requests[0];
        var body = handler.RawBodies[0]!;
        var headerLength = int.Parse(sent.Content!.Headers.GetValues("Inference-Header-Content-Length").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("/v2/models/m/versions/1/infer", sent.RequestUri!.AbsolutePath);
        Assert.Equal("application/octet-stream", sent.Content.Headers.ContentType!.MediaType);
        using var header = JsonDocument.Parse(body.AsMemory(0, headerLength));
        var input = header.RootElement.GetProperty("inputs")[0];
        Assert.Equal(16, input.GetProperty("parameters").GetProperty("binary_data_size").GetInt32());
        Assert.Equal([1L, 2, 2], input.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()));
        Assert.False(input.TryGetProperty("data", out _));
        Assert.True(header.RootElement.GetProperty("parameters").GetProperty("binary_data_output").GetBoolean());
        Assert.Equal(3, header.RootElement.GetProperty("parameters").GetProperty("replication").GetInt32());
        Assert.Equal("b1", header.RootElement.GetProperty("id").GetString());
        Assert.Equal(headerLength + 16, body.Length);
        Assert.Equal(pixels, MemoryMarshal.Cast<byte, float>(body.AsSpan(headerLength)).ToArray());
    }

    [Fact]
    public async Task BinaryOutputsAreCutFromTheBodyInTheOrderTheHeaderListsThem()
    {
        float[] logits = [0.1f, 0.9f, 0.7f, 0.3f];
        long[] labels = [1, 0];
        var header = Encoding.UTF8.GetBytes("""
            {"model_name":"m","model_version":"2","id":null,"outputs":[
             {"name":"logits","shape":[2,2],"datatype":"FP32","parameters":{"binary_data_size":16}},
             {"name":"label","shape":[2],"datatype":"INT64","parameters":{"binary_data_size":16}}]}
            """);
        byte[] body = [.. header, .. MemoryMarshal.AsBytes(logits.AsSpan()), .. MemoryMarshal.AsBytes(labels.AsSpan())];
        var handler = new ScriptedHandler((_, i) =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(i == 0 ? body : body[..^4]) };
            response.Headers.Add("Inference-Header-Content-Length", header.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return response;
        });
        using var client = new OaiClient(new HttpClient(handler) { BaseAddress = new Uri("http://api.test/") }, "key");
        var request = new InferenceRequest { Inputs = [InferenceInput.Fp32("input", new float[8], 2, 4)] };

        var answer = await client.Inference.InferBinaryAsync("m", request);
        var truncated = await Assert.ThrowsAsync<OaiApiException>(() => client.Inference.InferBinaryAsync("m", request));

        Assert.Equal(logits, answer.Output("logits").ToSingles());
        Assert.Equal(labels, answer.Output("label").ToInt64s());
        Assert.Throws<InvalidOperationException>(() => answer.Output("label").ToSingles());
        Assert.Contains("beyond the body", truncated.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonDataIsWrittenFromEachTypedArrayAndReadBackAsNumbers()
    {
        double[] doubles = [0.1, 1e300];
        long[] longs = [long.MinValue, 7L];
        int[] ints = [-5];
        byte[] bytes = [0, 255];
        var inputs = new[]
        {
            InferenceInput.Fp32("f", [1.5f, -2f, 3.25e-7f], 3),
            new InferenceInput("d", [2], "FP64", doubles),
            new InferenceInput("l", [2], "INT64", longs),
            new InferenceInput("i", [1], "INT32", ints),
            new InferenceInput("b", [2], "UINT8", bytes),
        };

        var json = JsonSerializer.Serialize(inputs, OaiJson.Options);
        var back = JsonSerializer.Deserialize<InferenceInput[]>(json, OaiJson.Options)!;

        Assert.Contains("\"data\":[1.5,-2,3.25E-07]", json, StringComparison.Ordinal);
        Assert.Contains("\"data\":[0,255]", json, StringComparison.Ordinal);
        Assert.Equal([1.5, -2, 3.25e-7], ((double[])back[0].Data).Select(v => Math.Round(v, 12)));
        Assert.Equal([0.1, 1e300], (double[])back[1].Data);
        Assert.Equal((double)long.MinValue, ((double[])back[2].Data)[0]);
        Assert.Equal([-5.0], (double[])back[3].Data);
    }
}
