using System.Net;
using System.Security.Cryptography;
using Azure.Storage.Blobs;
using OrleansAI.Hosting.Options;
using OrleansAI.Hosting.Storage;
using OrleansAI.Testing;

namespace OrleansAI.Hosting.Tests;

public sealed class ContentStoreTests : IAsyncLifetime, IDisposable
{
    private readonly string _container = LocalServices.UniqueId("content").ToLowerInvariant();
    private readonly BlobServiceClient _service = new(LocalServices.AzuriteConnection);
    private readonly HttpClient _http = new();
    private AzureContentStore _store = null!;

    public Task InitializeAsync()
    {
        _store = new AzureContentStore(_service, Microsoft.Extensions.Options.Options.Create(new BlobStorageOptions { Container = _container }), TimeProvider.System);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _service.GetBlobContainerClient(_container).DeleteIfExistsAsync();
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task ContentIsStoredOnceUnderItsHashAndReadsBackIdentical()
    {
        var bytes = RandomNumberGenerator.GetBytes(300_000);

        var first = await _store.PutAsync(new MemoryStream(bytes), CancellationToken.None);
        var second = await _store.PutAsync(new MemoryStream(bytes), CancellationToken.None);
        await using var read = await _store.OpenReadAsync(first.Sha256, CancellationToken.None);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), first.Sha256);
        Assert.Equal(first, second);
        Assert.Equal(bytes, copy.ToArray());
        Assert.Single(_service.GetBlobContainerClient(_container).GetBlobs(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "sha256/", CancellationToken.None));
    }

    [Fact]
    public async Task AReadUrlReadsItsBlobAndNothingElse()
    {
        var a = await _store.PutAsync(new MemoryStream([1, 2, 3]), CancellationToken.None);
        var b = await _store.PutAsync(new MemoryStream([4, 5, 6]), CancellationToken.None);
        var url = await _store.CreateReadUrlAsync(a.Sha256, TimeSpan.FromMinutes(5), CancellationToken.None);

        using var ok = await _http.GetAsync(url);
        using var other = await _http.GetAsync(new Uri(url.ToString().Replace(a.Sha256, b.Sha256, StringComparison.Ordinal)));
        using var write = await _http.PutAsync(url, Block([9, 9, 9]));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal([1, 2, 3], await ok.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    [Fact]
    public async Task AnExpiredUrlIsRefused()
    {
        var a = await _store.PutAsync(new MemoryStream([7]), CancellationToken.None);
        var url = await _store.CreateReadUrlAsync(a.Sha256, TimeSpan.FromSeconds(1), CancellationToken.None);

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        using var late = await _http.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
    }

    [Fact]
    public async Task AnUploadIsAcceptedOnlyWhenItHashesToTheClaim()
    {
        var update = RandomNumberGenerator.GetBytes(10_000);
        var hash = Convert.ToHexStringLower(SHA256.HashData(update));
        var good = await _store.CreateUploadUrlAsync("task-1", TimeSpan.FromMinutes(5), CancellationToken.None);
        var bad = await _store.CreateUploadUrlAsync("task-2", TimeSpan.FromMinutes(5), CancellationToken.None);
        using var put1 = await _http.PutAsync(good, Block(update));
        using var put2 = await _http.PutAsync(bad, Block(update));
        using var readThroughUploadUrl = await _http.GetAsync(good);

        var accepted = await _store.AcceptUploadAsync("task-1", hash, maxBytes: 1_000_000, CancellationToken.None);
        var lie = await Assert.ThrowsAsync<InvalidDataException>(() => _store.AcceptUploadAsync("task-2", new string('0', 64), 1_000_000, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Created, put1.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, readThroughUploadUrl.StatusCode);
        Assert.Equal(hash, accepted.Sha256);
        Assert.True(await _store.ExistsAsync(hash, CancellationToken.None));
        Assert.Contains("not the claimed", lie.Message, StringComparison.Ordinal);
        Assert.Empty(_service.GetBlobContainerClient(_container).GetBlobs(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "incoming/", CancellationToken.None));
    }

    [Fact]
    public async Task AnOversizeUploadIsRefused()
    {
        var url = await _store.CreateUploadUrlAsync("big", TimeSpan.FromMinutes(5), CancellationToken.None);
        using var put = await _http.PutAsync(url, Block(new byte[5000]));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => _store.AcceptUploadAsync("big", new string('a', 64), maxBytes: 4096, CancellationToken.None));

        Assert.Contains("at most 4096", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedHashesAndUploadIdsAreRejected()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.CreateReadUrlAsync("../etc/passwd", TimeSpan.FromMinutes(1), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.CreateUploadUrlAsync("a/b", TimeSpan.FromMinutes(1), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _store.CreateUploadUrlAsync("ok", TimeSpan.FromDays(1), CancellationToken.None));
    }

    private static ByteArrayContent Block(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.Add("x-ms-blob-type", "BlockBlob");
        return content;
    }
}
