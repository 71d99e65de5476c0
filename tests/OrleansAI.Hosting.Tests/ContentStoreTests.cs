using System.Net;
using System.Security.Cryptography;
using Azure.Storage.Blobs;
using OrleansAI.Grains.Interfaces.Storage;
using OrleansAI.Hosting.Storage;

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
    public async Task ABlobAlteredDirectlyInAzuriteIsRefusedOnReadWhateverItsLength()
    {
        var bytes = RandomNumberGenerator.GetBytes(100_000);
        var stored = await _store.PutAsync(new MemoryStream(bytes), CancellationToken.None);
        var blob = _service.GetBlobContainerClient(_container).GetBlobClient($"sha256/{stored.Sha256}");
        var sameLength = (byte[])bytes.Clone();
        sameLength[500] ^= 1;

        var intact = await _store.ReadAllAsync(stored, CancellationToken.None);
        await blob.UploadAsync(new BinaryData(sameLength), overwrite: true);
        var flipped = await Assert.ThrowsAsync<ContentIntegrityException>(() => _store.ReadAllAsync(stored, CancellationToken.None));
        await blob.UploadAsync(new BinaryData(new byte[10_000_000]), overwrite: true);
        var padded = await Assert.ThrowsAsync<ContentIntegrityException>(() => _store.ReadAllAsync(stored, CancellationToken.None));
        var unbounded = await Assert.ThrowsAsync<ContentIntegrityException>(() => _store.ReadAllAsync(stored.Sha256, 200_000, CancellationToken.None));

        Assert.Equal(bytes, intact);
        Assert.Contains("no longer hash", flipped.Message, StringComparison.Ordinal);
        Assert.Contains("longer than", padded.Message, StringComparison.Ordinal);
        Assert.Contains("longer than", unbounded.Message, StringComparison.Ordinal);
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
    public async Task AnUploadReadsBackOnlyAsTheBytesItsUploaderSigned()
    {
        var update = RandomNumberGenerator.GetBytes(10_000);
        var signed = new Grains.Interfaces.Storage.ContentReference(Convert.ToHexStringLower(SHA256.HashData(update)), update.Length);
        var good = await _store.CreateUploadUrlAsync("task-1", TimeSpan.FromMinutes(5), CancellationToken.None);
        var bad = await _store.CreateUploadUrlAsync("task-2", TimeSpan.FromMinutes(5), CancellationToken.None);
        using var put1 = await _http.PutAsync(good, Block(update));
        using var put2 = await _http.PutAsync(bad, Block(update));
        using var readThroughUploadUrl = await _http.GetAsync(good);

        var read = await _store.ReadUploadAsync("task-1", signed, CancellationToken.None);
        var lie = await Assert.ThrowsAsync<InvalidDataException>(() => _store.ReadUploadAsync("task-2", signed with { Sha256 = new string('0', 64) }, CancellationToken.None));
        var shorter = await Assert.ThrowsAsync<InvalidDataException>(() => _store.ReadUploadAsync("task-2", signed with { Length = 9_999 }, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Created, put1.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, readThroughUploadUrl.StatusCode);
        Assert.Equal(update, read);
        Assert.Contains("its uploader signed", lie.Message, StringComparison.Ordinal);
        Assert.Contains("at most 9999", shorter.Message, StringComparison.Ordinal);
        // Results stay in their slot: nothing became content on the way.
        Assert.Equal(["incoming/task-1", "incoming/task-2"], Names("incoming/"));
        Assert.False(await _store.ExistsAsync(signed.Sha256, CancellationToken.None));
    }

    [Fact]
    public async Task AnUploadUrlCreatesItsSlotOnceAndCannotReplaceIt()
    {
        var url = await _store.CreateUploadUrlAsync("task-once", TimeSpan.FromMinutes(5), CancellationToken.None);
        var first = RandomNumberGenerator.GetBytes(2_000);

        using var put = await _http.PutAsync(url, Block(first));
        using var again = await _http.PutAsync(url, Block(RandomNumberGenerator.GetBytes(2_000)));
        var reference = new Grains.Interfaces.Storage.ContentReference(Convert.ToHexStringLower(SHA256.HashData(first)), first.Length);

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.False(again.IsSuccessStatusCode, $"a second upload through the same URL got {again.StatusCode}");
        Assert.Equal(first, await _store.ReadUploadAsync("task-once", reference, CancellationToken.None));
    }

    [Fact]
    public async Task ReadingASlotNothingWasUploadedToSaysSo()
    {
        var claimed = new Grains.Interfaces.Storage.ContentReference(new string('a', 64), 4);

        var missing = await Assert.ThrowsAsync<FileNotFoundException>(() => _store.ReadUploadAsync("never-uploaded", claimed, CancellationToken.None));

        Assert.Contains("never-uploaded", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APromotedUploadBecomesContentUnderItsHash()
    {
        var bytes = RandomNumberGenerator.GetBytes(5_000);
        var url = await _store.CreateUploadUrlAsync("task-4", TimeSpan.FromMinutes(5), CancellationToken.None);
        using var put = await _http.PutAsync(url, Block(bytes));
        var verified = new Grains.Interfaces.Storage.ContentReference(Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length);

        var promoted = await _store.PromoteUploadAsync("task-4", verified, CancellationToken.None);
        await using var read = await _store.OpenReadAsync(promoted.Sha256, CancellationToken.None);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);

        Assert.Equal(verified, promoted);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task MalformedHashesAndUploadIdsAreRejected()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.CreateReadUrlAsync("../etc/passwd", TimeSpan.FromMinutes(1), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.CreateUploadUrlAsync("a/b", TimeSpan.FromMinutes(1), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _store.CreateUploadUrlAsync("ok", TimeSpan.FromDays(1), CancellationToken.None));
    }

    private List<string> Names(string prefix) =>
        [.. _service.GetBlobContainerClient(_container).GetBlobs(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, CancellationToken.None).Select(b => b.Name)];

    private static ByteArrayContent Block(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.Add("x-ms-blob-type", "BlockBlob");
        return content;
    }
}
