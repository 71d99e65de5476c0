using System.Diagnostics;
using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using OrleansAI.Grains.Interfaces.Storage;
using OrleansAI.Hosting.Options;
using OrleansAI.Hosting.Storage;
using OrleansAI.Testing;

namespace OrleansAI.Bench;

/// <summary>
/// The blob traffic a round of N providers cannot do without, on its own: N providers read the
/// global weights at once, then N upload their results at once while the round reads each one back
/// (as many at a time as the silo does). Nothing else runs meanwhile, so this is a floor: the part
/// of a round's overhead the blob store itself sets, which a platform change cannot remove.
/// </summary>
internal static class RoundBlobFloor
{
    // The silo's early reads of results, all rounds together (AggregationRoundGrain's gate).
    private const int SiloReadsAtOnce = 32;

    /// <summary>Median wall time, in milliseconds, of <paramref name="repeats"/> such bursts.</summary>
    public static async Task<double> MeasureAsync(int providers, long weightsBytes, long resultBytes, int repeats)
    {
        var store = new AzureContentStore(
            new BlobServiceClient(LocalServices.AzuriteConnection),
            Options.Create(new BlobStorageOptions { Container = "orleansai-bench" }),
            TimeProvider.System);
        using var http = new HttpClient();
        var times = new List<double>();
        for (var r = 0; r < repeats; r++)
        {
            using var weightsContent = new MemoryStream(RandomNumberGenerator.GetBytes((int)weightsBytes));
            var weights = await store.PutAsync(weightsContent, CancellationToken.None);
            var readUrl = await store.CreateReadUrlAsync(weights.Sha256, TimeSpan.FromMinutes(10), CancellationToken.None);
            var slots = new List<(string Id, Uri Url, byte[] Bytes)>();
            for (var i = 0; i < providers; i++)
            {
                var id = $"floor-{Guid.NewGuid():N}";
                slots.Add((id, await store.CreateUploadUrlAsync(id, TimeSpan.FromMinutes(10), CancellationToken.None), RandomNumberGenerator.GetBytes((int)resultBytes)));
            }

            using var gate = new SemaphoreSlim(SiloReadsAtOnce);
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(slots.Select(async _ =>
            {
                using var response = await http.GetAsync(readUrl);
                await response.Content.CopyToAsync(Stream.Null);
            }));
            var downloads = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            await Task.WhenAll(slots.Select(async slot =>
            {
                using (var content = new ByteArrayContent(slot.Bytes))
                {
                    content.Headers.Add("x-ms-blob-type", "BlockBlob");
                    using var put = await http.PutAsync(slot.Url, content);
                    put.EnsureSuccessStatusCode();
                }

                await gate.WaitAsync();
                try
                {
                    await store.ReadUploadAsync(slot.Id, new ContentReference(Convert.ToHexStringLower(SHA256.HashData(slot.Bytes)), slot.Bytes.Length), CancellationToken.None);
                }
                finally
                {
                    gate.Release();
                }
            }));
            times.Add(downloads + clock.Elapsed.TotalMilliseconds);
        }

        return Stats.Median([.. times]);
    }
}
