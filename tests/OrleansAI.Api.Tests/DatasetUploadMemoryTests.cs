using System.Net;
using OrleansAI.Models.Data;

namespace OrleansAI.Api.Tests;

public sealed class DatasetUploadMemoryTests
{
    [Fact]
    public async Task ALargeDatasetUploadAllocatesAboutOneBodyNotSeveral()
    {
        await using var api = ApiFactory.WithRealServices();
        using var alice = api.ClientFor("alice");
        // 8,192 examples of 1,024 floats: a 32 MiB body.
        var random = new Random(5);
        var features = new float[8_192 * 1_024];
        for (var i = 0; i < features.Length; i++)
        {
            features[i] = (float)random.NextDouble();
        }

        var body = DatasetFile.Write(new LabeledDataset([1_024], features, [.. Enumerable.Range(0, 8_192).Select(i => i % 10)], 10));
        using var warmUp = await alice.PostAsync(new Uri("/api/datasets", UriKind.Relative), new ByteArrayContent(DatasetFile.Write(new LabeledDataset([4], new float[8], [0, 1], 2))));
        Assert.Equal(HttpStatusCode.Created, warmUp.StatusCode);

        using var content = new ByteArrayContent(body);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        using var response = await alice.PostAsync(new Uri("/api/datasets", UriKind.Relative), content);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        // Spooled to disk, checked in one streaming pass and stored from the file: the request (the
        // in-process client, server and blob client together) allocates about one body. Buffering it
        // in a growing MemoryStream, decoding every value and buffering it again to store it
        // allocated 305 MiB for this 32 MiB body before the change.
        Assert.True(allocated < body.Length * 3 / 2, $"the upload allocated {allocated / (1024 * 1024)} MiB for a {body.Length / (1024 * 1024)} MiB body");
    }
}
