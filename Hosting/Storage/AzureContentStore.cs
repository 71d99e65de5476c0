using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Microsoft.Extensions.Options;
using OrleansAI.Grains.Interfaces.Storage;

namespace OrleansAI.Hosting.Storage;

/// <summary>
/// <see cref="IContentStore"/> on Azure Blob Storage (Azurite locally): content at
/// <c>sha256/{hash}</c>, upload slots (a task's result, written once by its provider) at
/// <c>incoming/{id}</c>, service SAS URLs scoped to one blob.
/// </summary>
public sealed partial class AzureContentStore(BlobServiceClient service, IOptions<BlobStorageOptions> options, TimeProvider clock) : IContentStore
{

    private readonly BlobContainerClient _container = service.GetBlobContainerClient(options.Value.Container);
    private int _containerReady;

    /// <inheritdoc />
    public async Task<ContentReference> PutAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        await EnsureContainerAsync(cancellationToken);
        if (content.CanSeek)
        {
            // A seekable source (a spooled upload) is hashed in one pass and streamed up in another,
            // so large content never sits in memory whole.
            var start = content.Position;
            var (length, digest) = await CopyAndHashAsync(content, Stream.Null, long.MaxValue, cancellationToken);
            content.Position = start;
            await StoreAsync(digest, content, cancellationToken);
            return new ContentReference(digest, length);
        }

        var (bytes, hash) = await ReadAndHashAsync(content, long.MaxValue, cancellationToken);
        await StoreAsync(hash, new MemoryStream(bytes, writable: false), cancellationToken);
        return new ContentReference(hash, bytes.Length);
    }

    /// <inheritdoc />
    public async Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        return (await ContentBlob(sha256).ExistsAsync(cancellationToken)).Value;
    }

    /// <inheritdoc />
    public async Task<Stream> OpenReadAsync(string sha256, CancellationToken cancellationToken)
    {
        try
        {
            // One streaming GET (OpenReadAsync would first ask for the properties); the caller owns the stream.
            return (await ContentBlob(sha256).DownloadStreamingAsync(cancellationToken: cancellationToken)).Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new FileNotFoundException($"No content with SHA-256 {sha256} is stored.", sha256, ex);
        }
    }

    /// <inheritdoc />
    public async Task<Uri> CreateReadUrlAsync(string sha256, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        return Sas(ContentBlob(sha256), BlobSasPermissions.Read, lifetime);
    }

    /// <inheritdoc />
    public async Task<Uri> CreateUploadUrlAsync(string uploadId, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        // Create only: once a result is in its slot the provider cannot replace it.
        return Sas(UploadBlob(uploadId), BlobSasPermissions.Create, lifetime);
    }

    /// <inheritdoc />
    public async Task<byte[]> ReadUploadAsync(string uploadId, ContentReference expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var (bytes, hash) = await ReadSlotAsync(UploadBlob(uploadId), expected.Length, cancellationToken);
        return hash == expected.Sha256 && bytes.Length == expected.Length
            ? bytes
            : throw new InvalidDataException($"The upload '{uploadId}' is not the {expected.Length} bytes with SHA-256 {expected.Sha256} its uploader signed.");
    }

    /// <inheritdoc />
    public Task DeleteUploadAsync(string uploadId, CancellationToken cancellationToken) =>
        UploadBlob(uploadId).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    /// <inheritdoc />
    public async Task<ContentReference> PromoteUploadAsync(string uploadId, ContentReference expected, CancellationToken cancellationToken)
    {
        var bytes = await ReadUploadAsync(uploadId, expected, cancellationToken);
        await StoreAsync(expected.Sha256, new MemoryStream(bytes, writable: false), cancellationToken);
        return expected;
    }

    // One request: the download is cut off past maxBytes, so no separate size check is needed.
    private static async Task<(byte[] Bytes, string Hash)> ReadSlotAsync(BlobClient slot, long maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            using var download = (await slot.DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
            return await ReadAndHashAsync(download.Content, maxBytes, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new FileNotFoundException($"Nothing was uploaded to '{slot.Name}'.", slot.Name, ex);
        }
    }

    private async Task StoreAsync(string hash, Stream content, CancellationToken cancellationToken)
    {
        try
        {
            // If-None-Match: * makes the write a no-op for content that is already there.
            await ContentBlob(hash).UploadAsync(content, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Same hash, same bytes: already stored.
        }
    }

    private static async Task<(byte[] Bytes, string Hash)> ReadAndHashAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        // Callers know the length they expect (a result's signed length): one buffer of that size, handed
        // back as it is, instead of a growing stream and a copy of it (a round reads every result it aggregates).
        using var buffer = new MemoryStream(maxBytes is > 0 and <= int.MaxValue ? (int)maxBytes : 0);
        var (_, hash) = await CopyAndHashAsync(content, buffer, maxBytes, cancellationToken);
        return (buffer.TryGetBuffer(out var written) && written.Offset == 0 && written.Count == written.Array!.Length ? written.Array : buffer.ToArray(), hash);
    }

    // One pass over the content: hashed, bounded, and copied to the sink (Stream.Null to only hash).
    private static async Task<(long Length, string Hash)> CopyAndHashAsync(Stream content, Stream sink, long maxBytes, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chunk = new byte[81920];
        long length = 0;
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (length + read > maxBytes)
            {
                throw new InvalidDataException($"The content is larger than {maxBytes} bytes; at most {maxBytes} are accepted.");
            }

            sha.AppendData(chunk, 0, read);
            await sink.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
            length += read;
        }

        return (length, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    private Uri Sas(BlobClient blob, BlobSasPermissions permissions, TimeSpan lifetime)
    {
        if (lifetime <= TimeSpan.Zero || lifetime > IContentStore.MaxUrlLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, $"A URL lives between 0 and {IContentStore.MaxUrlLifetime}.");
        }

        var sas = new BlobSasBuilder(permissions, clock.GetUtcNow() + lifetime)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
            Protocol = blob.Uri.Scheme == "https" ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
        };
        return blob.GenerateSasUri(sas);
    }

    private BlobClient ContentBlob(string sha256) =>
        ContentReference.IsSha256(sha256)
            ? _container.GetBlobClient($"sha256/{sha256}")
            : throw new ArgumentException("Not a lower-case hex SHA-256.", nameof(sha256));

    private BlobClient UploadBlob(string uploadId) =>
        UploadIdPattern().IsMatch(uploadId ?? "")
            ? _container.GetBlobClient($"incoming/{uploadId}")
            : throw new ArgumentException("An upload id is 1-128 letters, digits, '.', '_' or '-'.", nameof(uploadId));

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _containerReady) == 0)
        {
            await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            Volatile.Write(ref _containerReady, 1);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,128}$")]
    private static partial Regex UploadIdPattern();
}
