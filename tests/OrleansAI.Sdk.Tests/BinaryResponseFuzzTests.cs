using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using OrleansAI.Sdk;
using OrleansAI.Sdk.Inference;
using OrleansAI.Testing.Fuzz;

namespace OrleansAI.Sdk.Tests;

/// <summary>
/// A binary-extension answer is cut apart by the SDK: whatever bytes come back (a proxy's damage, a
/// wrong header length), the call returns outputs that lie inside the body or throws
/// <see cref="OaiApiException"/>, never an exception of the SDK's insides.
/// </summary>
public sealed class BinaryResponseFuzzTests
{
    private static readonly byte[] Header = Encoding.UTF8.GetBytes(
        """{"model_name":"m","model_version":"2","id":"r","outputs":[{"name":"logits","shape":[2,2],"datatype":"FP32","parameters":{"binary_data_size":16}},{"name":"label","shape":[2],"datatype":"INT64","parameters":{"binary_data_size":16}}]}""");

    [Theory]
    [InlineData("""{"outputs":[{"name":"y","shape":[1],"datatype":"FP32","parameters":{"binary_data_size":2147483647}}]}""")]
    [InlineData("""{"outputs":[{"name":"y","shape":[1],"datatype":"FP32","parameters":{"binary_data_size":"4"}}]}""")]
    [InlineData("""{"outputs":[{"name":"y","shape":[1],"datatype":"FP32","parameters":{"binary_data_size":4.5}}]}""")]
    [InlineData("""{"outputs":null}""")]
    [InlineData("""{"outputs":[""")]
    public async Task AMalformedBinaryAnswerIsAnOaiApiException(string header)
    {
        var json = Encoding.UTF8.GetBytes(header);
        using var client = Client([.. json, 1, 2, 3, 4], json.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await Assert.ThrowsAsync<OaiApiException>(() => client.Inference.InferBinaryAsync("m", Request()));
    }

    [Fact]
    public async Task MutatedBinaryAnswersGiveOutputsInsideTheBodyOrAnOaiApiException()
    {
        var random = new Random(16_95_01);
        float[] logits = [0.1f, 0.9f, 0.7f, 0.3f];
        long[] labels = [1, 0];
        byte[] valid = [.. Header, .. MemoryMarshal.AsBytes(logits.AsSpan()), .. MemoryMarshal.AsBytes(labels.AsSpan())];
        var refused = 0;
        for (var i = 0; i < 1_500; i++)
        {
            var body = i % 2 == 0 ? Mutator.Mutate(valid, random) : [.. Mutator.MutateText(Encoding.UTF8.GetString(Header), random), .. valid[Header.Length..]];
            var length = i % 5 == 0 ? random.Next(-2, body.Length + 3) : i % 2 == 0 ? Header.Length : body.Length - 32;
            using var client = Client(body, length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            try
            {
                var answer = await client.Inference.InferBinaryAsync("m", Request());
                Assert.All(answer.Outputs, o => Assert.True(o.Binary is null || o.Binary.Value.Length <= body.Length));
            }
            catch (OaiApiException)
            {
                refused++;
            }
            catch (Exception ex)
            {
                Assert.Fail($"case {i} ({Convert.ToBase64String(body)}, header {length}) threw {ex.GetType().Name}: {ex.Message}");
            }
        }

        Assert.InRange(refused, 300, 1_499);
    }

    private static InferenceRequest Request() => new() { Inputs = [InferenceInput.Fp32("input", new float[4], 1, 4)] };

    private static OaiClient Client(byte[] body, string headerLength)
    {
        var handler = new ScriptedHandler((_, _) =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) };
            response.Headers.TryAddWithoutValidation("Inference-Header-Content-Length", headerLength);
            return response;
        });
        return new OaiClient(new HttpClient(handler) { BaseAddress = new Uri("http://api.test/") }, "key");
    }
}
