using System.Diagnostics;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using OrleansAI.Grains.Interfaces.Diagnostics;

namespace OrleansAI.Api.Diagnostics;

/// <summary>
/// Exercises the real path once: a grain write through grain storage (PostgreSQL when clustered),
/// a blob round trip with a hash comparison, and chain reads. Writes one fixed-size blob under a
/// fixed name, so repeated calls cannot grow storage.
/// </summary>
public sealed class SmokeCheck(
    IGrainFactory grains,
    ConfiguredDependencies configured,
    IOptions<BlobStorageOptions> blobOptions,
    IServiceProvider services)
{
    /// <summary>Name of the blob the check overwrites.</summary>
    public const string BlobName = "diagnostics/smoke.bin";

    /// <summary>Size of the blob the check writes.</summary>
    public const int BlobBytes = 4096;

    /// <summary>Runs every step; a failed step is reported, not thrown.</summary>
    public async Task<SmokeReport> RunAsync(CancellationToken cancellationToken)
    {
        var steps = new List<SmokeStep>
        {
            await TimeAsync("grain-storage", PingProbeAsync),
        };
        if (services.GetService<BlobServiceClient>() is { } blobs)
        {
            steps.Add(await TimeAsync("blob-storage", () => RoundTripBlobAsync(blobs, cancellationToken)));
        }

        if (services.GetService<JsonRpcProbe>() is { } chain)
        {
            steps.Add(await TimeAsync("chain", () => ReadChainAsync(chain, cancellationToken)));
        }

        return new SmokeReport(steps.TrueForAll(s => s.Ok), configured.IsClustered ? "cluster" : "embedded", steps);
    }

    private async Task<string> PingProbeAsync()
    {
        var probe = await grains.GetGrain<IProbeGrain>("smoke").PingAsync("smoke check");
        var store = configured.IsClustered ? $"PostgreSQL {configured.Postgres.Describe()}" : "in-memory storage";
        return $"probe '{probe.Name}' recorded ping #{probe.Pings} on silo {probe.Silo} ({store})";
    }

    private async Task<string> RoundTripBlobAsync(BlobServiceClient blobs, CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(blobOptions.Value.Container);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var payload = RandomNumberGenerator.GetBytes(BlobBytes);
        var blob = container.GetBlobClient(BlobName);
        await blob.UploadAsync(new BinaryData(payload), overwrite: true, cancellationToken);
        var downloaded = (await blob.DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
        if (!SHA256.HashData(downloaded).AsSpan().SequenceEqual(SHA256.HashData(payload)))
        {
            throw new InvalidDataException("The downloaded blob differs from the uploaded one.");
        }

        return $"{BlobBytes} bytes written and read back identical at {container.Uri.Authority}/{container.Name}/{BlobName}";
    }

    private static async Task<string> ReadChainAsync(JsonRpcProbe chain, CancellationToken cancellationToken)
    {
        var chainId = await chain.GetChainIdAsync(cancellationToken);
        var block = await chain.GetBlockNumberAsync(cancellationToken);
        return $"chain {chainId} at block {block}";
    }

    private static async Task<SmokeStep> TimeAsync(string name, Func<Task<string>> step)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var detail = await step();
            return new SmokeStep(name, true, detail, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or JsonRpcException
            or OrleansException or TimeoutException or InvalidDataException or OperationCanceledException)
        {
            return new SmokeStep(name, false, ex.Message, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
