namespace OrleansAI.Node.Tests;

public sealed class ModelLoaderTests
{
    private const string Url = "http://blobs.test/model.onnx";

    [Fact]
    public async Task AModelWhoseBytesDoNotHashToTheRegistryValueIsRefused()
    {
        var onnx = TinyModels.Onnx(1);
        var other = TinyModels.Onnx(2);
        using var http = new HttpClient(new StaticFiles(new Dictionary<string, byte[]> { [Url] = other }));
        var loader = new ModelLoader(http, new ServingSettings { Enabled = true }, ComputeDevice.Cpu, NullLogger<ModelLoader>.Instance);

        var refused = await Assert.ThrowsAsync<ModelRefusedException>(() => loader.LoadAsync(TinyModels.Describe("a/m/1", Url, onnx) with { Length = other.Length }, CancellationToken.None));

        Assert.Contains("hashes to", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileOfAnotherLengthThanTheRegistrySaysIsRefused()
    {
        var onnx = TinyModels.Onnx(1);
        using var http = new HttpClient(new StaticFiles(new Dictionary<string, byte[]> { [Url] = [.. onnx, 0] }));
        var loader = new ModelLoader(http, new ServingSettings { Enabled = true }, ComputeDevice.Cpu, NullLogger<ModelLoader>.Instance);

        var refused = await Assert.ThrowsAsync<ModelRefusedException>(() => loader.LoadAsync(TinyModels.Describe("a/m/1", Url, onnx), CancellationToken.None));

        Assert.Contains("longer", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGraphWhoseSignatureDiffersFromTheDescriptorIsRefused()
    {
        var onnx = TinyModels.Onnx(1);
        using var http = new HttpClient(new StaticFiles(new Dictionary<string, byte[]> { [Url] = onnx }));
        var loader = new ModelLoader(http, new ServingSettings { Enabled = true }, ComputeDevice.Cpu, NullLogger<ModelLoader>.Instance);

        var refused = await Assert.ThrowsAsync<ModelRefusedException>(() => loader.LoadAsync(TinyModels.Describe("a/m/1", Url, onnx) with { OutputWidth = 7 }, CancellationToken.None));

        Assert.Contains("output", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACudaNodeWithoutCudaServesOnTheCpu()
    {
        var onnx = TinyModels.Onnx(1);
        using var http = new HttpClient(new StaticFiles(new Dictionary<string, byte[]> { [Url] = onnx }));
        var loader = new ModelLoader(http, new ServingSettings { Enabled = true }, ComputeDevice.Cuda, NullLogger<ModelLoader>.Instance);

        var model = await loader.LoadAsync(TinyModels.Describe("a/m/1", Url, onnx), CancellationToken.None);
        using var batcher = model.Batcher;

        Assert.Equal("cpu", model.ExecutionProvider);
        Assert.Equal(5, batcher.RunDirect(TinyModels.Rows(1, 3), 1).Length);
    }
}
