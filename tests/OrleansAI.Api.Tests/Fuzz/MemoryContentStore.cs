using System.Collections.Concurrent;
using System.Security.Cryptography;
using OrleansAI.Grains.Interfaces.Storage;

namespace OrleansAI.Api.Tests.Fuzz;

/// <summary>Content in memory, so that routes which store what they accept run without a blob service.</summary>
internal sealed class MemoryContentStore : IContentStore
{
    private readonly ConcurrentDictionary<string, byte[]> _content = new(StringComparer.Ordinal);

    public async Task<ContentReference> PutAsync(Stream content, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        var bytes = copy.ToArray();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        _content.TryAdd(sha256, bytes);
        return new ContentReference(sha256, bytes.Length);
    }

    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken) => Task.FromResult(_content.ContainsKey(sha256));

    public Task<Stream> OpenReadAsync(string sha256, CancellationToken cancellationToken) =>
        _content.TryGetValue(sha256, out var bytes)
            ? Task.FromResult<Stream>(new MemoryStream(bytes, writable: false))
            : Task.FromException<Stream>(new FileNotFoundException($"No content {sha256}."));

    public Task<Uri> CreateReadUrlAsync(string sha256, TimeSpan lifetime, CancellationToken cancellationToken) =>
        Task.FromResult(new Uri($"memory://content/{sha256}"));

    public Task<Uri> CreateUploadUrlAsync(string uploadId, TimeSpan lifetime, CancellationToken cancellationToken) =>
        Task.FromResult(new Uri($"memory://uploads/{uploadId}"));

    public Task<byte[]> ReadUploadAsync(string uploadId, ContentReference expected, CancellationToken cancellationToken) =>
        Task.FromException<byte[]>(new FileNotFoundException($"No upload {uploadId}."));

    public Task DeleteUploadAsync(string uploadId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<ContentReference> PromoteUploadAsync(string uploadId, ContentReference expected, CancellationToken cancellationToken) =>
        Task.FromException<ContentReference>(new FileNotFoundException($"No upload {uploadId}."));
}
