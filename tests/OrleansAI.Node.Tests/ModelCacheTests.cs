namespace OrleansAI.Node.Tests;

public sealed class ModelCacheTests
{
    [Fact]
    public async Task LoadingPastTheBudgetEvictsTheLeastRecentlyUsedModel()
    {
        var files = Enumerable.Range(1, 3).ToDictionary(i => $"http://blobs.test/{i}.onnx", TinyModels.Onnx);
        using var http = new HttpClient(new StaticFiles(files));
        var loader = new ModelLoader(http, new ServingSettings { Enabled = true }, ComputeDevice.Cpu, NullLogger<ModelLoader>.Instance);
        var first = await loader.LoadAsync(Describe(files, 1), CancellationToken.None);
        var perModel = first.MemoryBytes;
        first.Batcher.Dispose();
        using var cache = new ModelCache(loader, perModel * 2 + perModel / 2);

        await cache.LoadAsync(Describe(files, 1), CancellationToken.None);
        await cache.LoadAsync(Describe(files, 2), CancellationToken.None);
        Assert.NotNull(cache.Get("a/m/1"));
        var (_, evicted) = await cache.LoadAsync(Describe(files, 3), CancellationToken.None);

        Assert.Equal(["a/m/2"], evicted);
        Assert.Equal(["a/m/1", "a/m/3"], cache.Keys.Order());
        Assert.True(cache.MemoryBytes <= perModel * 2 + perModel / 2);
    }

    [Fact]
    public async Task ConcurrentLoadsOfOneModelShareOneDownload()
    {
        var files = new Dictionary<string, byte[]> { ["http://blobs.test/1.onnx"] = TinyModels.Onnx(1) };
        var handler = new StaticFiles(files);
        using var http = new HttpClient(handler);
        using var cache = new ModelCache(new ModelLoader(http, new ServingSettings { Enabled = true }, ComputeDevice.Cpu, NullLogger<ModelLoader>.Instance), 1L << 30);

        var loads = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => cache.LoadAsync(Describe(files, 1), CancellationToken.None)));

        Assert.Equal(1, handler.Requests);
        Assert.All(loads, l => Assert.Same(loads[0].Model, l.Model));
    }

    [Fact]
    public async Task AFailedLoadIsForgottenSoALaterOneTriesAgain()
    {
        var files = new Dictionary<string, byte[]> { ["http://blobs.test/1.onnx"] = TinyModels.Onnx(1) };
        var handler = new StaticFiles(files);
        using var http = new HttpClient(handler);
        using var cache = new ModelCache(new ModelLoader(http, new ServingSettings { Enabled = true }, ComputeDevice.Cpu, NullLogger<ModelLoader>.Instance), 1L << 30);
        var good = Describe(files, 1);

        await Assert.ThrowsAsync<ModelRefusedException>(() => cache.LoadAsync(good with { Sha256 = new string('0', 64) }, CancellationToken.None));
        var (model, _) = await cache.LoadAsync(good, CancellationToken.None);

        Assert.Same(model, cache.Get("a/m/1"));
        Assert.Equal(2, handler.Requests);
    }

    [Fact]
    public async Task AnUnloadedModelStopsTakingCalls()
    {
        var files = new Dictionary<string, byte[]> { ["http://blobs.test/1.onnx"] = TinyModels.Onnx(1) };
        using var http = new HttpClient(new StaticFiles(files));
        using var cache = new ModelCache(new ModelLoader(http, new ServingSettings { Enabled = true }, ComputeDevice.Cpu, NullLogger<ModelLoader>.Instance), 1L << 30);
        var (model, _) = await cache.LoadAsync(Describe(files, 1), CancellationToken.None);

        Assert.True(cache.Unload("a/m/1"));

        Assert.Null(cache.Get("a/m/1"));
        Assert.False(model.Batcher.TryEnqueue(new PendingInference(new byte[64], 1, long.MaxValue, new TaskCompletionSource<byte[]>())));
        Assert.False(cache.Unload("a/m/1"));
    }

    private static ModelDescriptor Describe(Dictionary<string, byte[]> files, int i)
    {
        var url = $"http://blobs.test/{i}.onnx";
        return TinyModels.Describe($"a/m/{i}", url, files[url]);
    }
}
