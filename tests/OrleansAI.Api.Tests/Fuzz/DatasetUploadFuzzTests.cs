using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using OrleansAI.Models.Data;
using OrleansAI.Testing.Fuzz;

namespace OrleansAI.Api.Tests.Fuzz;

/// <summary>
/// POST /api/datasets reads a client's safetensors file: whatever the bytes, the answer is 201 or a
/// 400 problem details naming what is wrong in <c>errors.body</c>, never a 500.
/// </summary>
public sealed class DatasetUploadFuzzTests(FuzzApi api) : IClassFixture<FuzzApi>
{
    [Fact]
    public async Task ADatasetWithAZeroSizedExampleIsA400ProblemNotA500()
    {
        using var alice = api.ClientFor("alice");
        var file = Frame("""{"__metadata__":{"classes":"2"},"features":{"dtype":"F32","shape":[2,0],"data_offsets":[0,0]},"labels":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", new byte[8]);

        using var response = await UploadAsync(alice, file);

        await AssertRefusedAsync(response, "zero-sized example");
    }

    [Fact]
    public async Task RandomAndMutatedDatasetFilesAreAcceptedOrRefusedWithA400Problem()
    {
        using var alice = api.ClientFor("alice");
        var random = new Random(16_40_01);
        var accepted = 0;
        for (var i = 0; i < 240; i++)
        {
            var file = (i % 3) switch
            {
                0 => Mutator.RandomBytes(random, 300),
                1 => Mutator.Mutate(Valid(random), random),
                _ => MutateHeader(Valid(random), random),
            };

            using var response = await UploadAsync(alice, file);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                accepted++;
                continue;
            }

            await AssertRefusedAsync(response, $"case {i} ({Convert.ToBase64String(file)})");
        }

        // Some damage leaves a valid file (a changed feature value): the route must accept those too.
        Assert.InRange(accepted, 1, 160);
        Assert.Empty(api.Errors.Entries);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient http, byte[] file)
    {
        using var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await http.PostAsync(new Uri("/api/datasets", UriKind.Relative), content);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        var reason = Assert.Single(problem.RootElement.GetProperty("errors").GetProperty("body").EnumerateArray());
        Assert.False(string.IsNullOrWhiteSpace(reason.GetString()), what);
    }

    private static byte[] Valid(Random random)
    {
        var shape = Enumerable.Range(0, random.Next(1, 3)).Select(_ => random.Next(1, 4)).ToArray();
        var count = random.Next(1, 4);
        var classes = random.Next(2, 6);
        var size = shape.Aggregate(1, (a, d) => a * d);
        return DatasetFile.Write(new LabeledDataset(
            shape, [.. Enumerable.Range(0, count * size).Select(_ => (float)random.NextDouble())], [.. Enumerable.Range(0, count).Select(_ => random.Next(classes))], classes));
    }

    // Damages the header's JSON and frames it again, so the damage reaches shapes, offsets and metadata.
    private static byte[] MutateHeader(byte[] valid, Random random)
    {
        var length = (int)BinaryPrimitives.ReadUInt64LittleEndian(valid);
        var header = Encoding.UTF8.GetString(Mutator.MutateText(Encoding.UTF8.GetString(valid, 8, length).TrimEnd(' '), random));
        return Frame(header, valid[(8 + length)..]);
    }

    private static byte[] Frame(string header, byte[] data)
    {
        var json = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + json.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)json.Length);
        json.CopyTo(bytes, 8);
        data.CopyTo(bytes, 8 + json.Length);
        return bytes;
    }
}
