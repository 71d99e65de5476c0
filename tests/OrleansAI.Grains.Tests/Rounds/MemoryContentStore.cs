using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace OrleansAI.Grains.Tests.Rounds;

/// <summary>Content and upload slots in memory, with the real store's checks (hash and length on read).</summary>
internal sealed class MemoryContentStore : IContentStore
{
    private readonly ConcurrentDictionary<string, byte[]> _content = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, byte[]> Uploads { get; } = new(StringComparer.Ordinal);

    public ConcurrentBag<string> Deleted { get; } = [];

    public ConcurrentBag<string> Promoted { get; } = [];

    public int UploadReads;

    public ContentReference Put(byte[] bytes)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        _content[hash] = bytes;
        return new ContentReference(hash, bytes.Length);
    }

    public ContentReference Upload(string taskId, byte[] bytes)
    {
        Uploads[taskId] = bytes;
        return new ContentReference(Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length);
    }

    public byte[] Get(string sha256) => _content[sha256];

    /// <summary>Replaces stored content behind its hash, as someone with the store's key could.</summary>
    public void Tamper(string sha256, byte[] bytes) => _content[sha256] = bytes;

    public async Task<ContentReference> PutAsync(Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        return Put(buffer.ToArray());
    }

    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken) => Task.FromResult(_content.ContainsKey(sha256));

    public Task<Stream> OpenReadAsync(string sha256, CancellationToken cancellationToken) =>
        _content.TryGetValue(sha256, out var bytes) ? Task.FromResult<Stream>(new MemoryStream(bytes, writable: false)) : throw new FileNotFoundException(sha256);

    public Task<Uri> CreateReadUrlAsync(string sha256, TimeSpan lifetime, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Uri> CreateUploadUrlAsync(string uploadId, TimeSpan lifetime, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<byte[]> ReadUploadAsync(string uploadId, ContentReference expected, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref UploadReads);
        if (!Uploads.TryGetValue(uploadId, out var bytes))
        {
            throw new FileNotFoundException($"no upload {uploadId}");
        }

        if (bytes.Length != expected.Length || Convert.ToHexStringLower(SHA256.HashData(bytes)) != expected.Sha256)
        {
            throw new InvalidDataException("the upload is not the signed bytes");
        }

        return Task.FromResult(bytes);
    }

    public Task DeleteUploadAsync(string uploadId, CancellationToken cancellationToken)
    {
        Deleted.Add(uploadId);
        Uploads.TryRemove(uploadId, out _);
        return Task.CompletedTask;
    }

    public async Task<ContentReference> PromoteUploadAsync(string uploadId, ContentReference expected, CancellationToken cancellationToken)
    {
        Promoted.Add(uploadId);
        return Put(await ReadUploadAsync(uploadId, expected, cancellationToken));
    }
}
