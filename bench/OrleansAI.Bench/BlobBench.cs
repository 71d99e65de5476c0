using System.Diagnostics;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using OrleansAI.Hosting.Options;
using OrleansAI.Hosting.Storage;
using OrleansAI.Testing;

namespace OrleansAI.Bench;

/// <summary>
/// What one blob operation costs on the local blob store (Azurite), through the platform's content
/// store: a burst of concurrent 100 KB writes (the size of the network benchmark's results) and
/// reads, as a round of N providers issues them. It bounds what per-result blob traffic adds to a round.
/// </summary>
internal static class BlobBench
{
    /// <summary>Runs the benchmark.</summary>
    public static async Task<int> RunAsync(BenchArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        await using var stack = await StackServices.EnsureAsync();
        var count = args.Int("blobs", args.Quick ? 100 : 500);
        var size = args.Int("bytes", 102_176);
        var store = new AzureContentStore(
            new BlobServiceClient(LocalServices.AzuriteConnection),
            Options.Create(new BlobStorageOptions { Container = "orleansai-bench" }),
            TimeProvider.System);
        var payloads = Enumerable.Range(0, count).Select(i =>
        {
            var bytes = new byte[size];
            new Random(i + Environment.TickCount).NextBytes(bytes);
            return bytes;
        }).ToArray();

        // Warm up the connection pool and the emulator.
        using (var warm = new MemoryStream(payloads[0]))
        {
            await store.PutAsync(warm, CancellationToken.None);
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 32 };
        var hashes = new string[count];
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (i, ct) =>
        {
            using var content = new MemoryStream(payloads[i]);
            hashes[i] = (await store.PutAsync(content, ct)).Sha256;
        });
        var writeMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (i, ct) =>
        {
            await using var stream = await store.OpenReadAsync(hashes[i], ct);
            await stream.CopyToAsync(Stream.Null, ct);
        });
        var readMs = clock.Elapsed.TotalMilliseconds;
        Console.WriteLine($"blob: {count} concurrent writes of {size} bytes in {Stats.F(writeMs, 0)} ms, reads in {Stats.F(readMs, 0)} ms (32 at a time)");
        Console.WriteLine($"RESULT blob write_ms_per_blob={Stats.F(writeMs / count, 2)} read_ms_per_blob={Stats.F(readMs / count, 2)} blobs={count} bytes={size}");
        return 0;
    }
}
