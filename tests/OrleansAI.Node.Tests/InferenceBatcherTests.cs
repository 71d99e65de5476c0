using System.Diagnostics;
using System.Runtime.InteropServices;

namespace OrleansAI.Node.Tests;

public sealed class InferenceBatcherTests
{
    private const string Url = "http://blobs.test/model.onnx";

    [Fact]
    public async Task ConcurrentCallsBatchedTogetherGetExactlyTheirOwnRowsAnswers()
    {
        using var model = await LoadAsync(new ServingSettings { Enabled = true, MaxBatchRows = 16, MaxQueueDelay = TimeSpan.FromMilliseconds(2) });
        var calls = Enumerable.Range(0, 40).Select(i => (Rows: 1 + i % 3, Input: TinyModels.Rows(1 + i % 3, i))).ToList();

        var before = model.Batcher.Batches;
        var pending = calls.Select(c => Enqueue(model.Batcher, c.Input, c.Rows)).ToList();
        var answers = await Task.WhenAll(pending);
        var runs = model.Batcher.Batches - before;

        for (var i = 0; i < calls.Count; i++)
        {
            var expected = model.Batcher.RunDirect(calls[i].Input, calls[i].Rows);
            var actual = MemoryMarshal.Cast<byte, float>(answers[i]).ToArray();
            Assert.Equal(expected.Length, actual.Length);
            for (var j = 0; j < expected.Length; j++)
            {
                Assert.Equal(expected[j], actual[j], 5);
            }
        }

        // 80 rows in batches of at most 16 need at least 5 runs; one run per call would be 40.
        Assert.InRange(runs, 5, calls.Count / 2);
        Assert.Equal(0, model.Batcher.Outstanding);
    }

    [Fact]
    public async Task ACallLargerThanABatchRunsAloneAndIsAnsweredInFull()
    {
        using var model = await LoadAsync(new ServingSettings { Enabled = true, MaxBatchRows = 4 });
        var input = TinyModels.Rows(10, 5);

        var answer = MemoryMarshal.Cast<byte, float>(await Enqueue(model.Batcher, input, 10)).ToArray();

        Assert.Equal(model.Batcher.RunDirect(input, 10), answer);
    }

    [Fact]
    public async Task ACallWhoseDeadlinePassedInTheQueueIsNotRun()
    {
        using var model = await LoadAsync(new ServingSettings { Enabled = true });
        var call = new PendingInference(MemoryMarshal.AsBytes(TinyModels.Rows(1, 1).AsSpan()).ToArray(), 1, Stopwatch.GetTimestamp() - 1, new TaskCompletionSource<byte[]>());

        Assert.True(model.Batcher.TryEnqueue(call));

        await Assert.ThrowsAsync<TimeoutException>(() => call.Completion.Task);
    }

    [Fact]
    public async Task AnInputOfTheWrongSizeIsAnsweredWithAnError()
    {
        using var model = await LoadAsync(new ServingSettings { Enabled = true });

        await Assert.ThrowsAsync<ArgumentException>(() => Enqueue(model.Batcher, new float[15], 1));
    }

    [Fact]
    public async Task ALyingNodeReversesEachRowsScores()
    {
        using var honest = await LoadAsync(new ServingSettings { Enabled = true });
        using var liar = await LoadAsync(new ServingSettings { Enabled = true }, LyingAnswers.Instance);
        var input = TinyModels.Rows(2, 9);

        var truth = MemoryMarshal.Cast<byte, float>(await Enqueue(honest.Batcher, input, 2)).ToArray();
        var lie = MemoryMarshal.Cast<byte, float>(await Enqueue(liar.Batcher, input, 2)).ToArray();

        Assert.Equal([.. truth.Take(5).Reverse(), .. truth.Skip(5).Reverse()], lie);
    }

    private static Task<byte[]> Enqueue(InferenceBatcher batcher, float[] input, int rows)
    {
        var call = new PendingInference(MemoryMarshal.AsBytes(input.AsSpan()).ToArray(), rows, Stopwatch.GetTimestamp() + Stopwatch.Frequency * 10, new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously));
        Assert.True(batcher.TryEnqueue(call));
        return call.Completion.Task;
    }

    private static async Task<Loaded> LoadAsync(ServingSettings settings, IInferenceConduct? answers = null)
    {
        var onnx = TinyModels.Onnx(4);
        var http = new HttpClient(new StaticFiles(new Dictionary<string, byte[]> { [Url] = onnx }));
        var loader = new ModelLoader(http, settings, ComputeDevice.Cpu, NullLogger<ModelLoader>.Instance, answers);
        return new Loaded(await loader.LoadAsync(TinyModels.Describe("a/m/1", Url, onnx), CancellationToken.None), http);
    }

    private sealed class Loaded(LoadedModel model, HttpClient http) : IDisposable
    {
        public InferenceBatcher Batcher => model.Batcher;

        public void Dispose()
        {
            model.Batcher.Dispose();
            http.Dispose();
        }
    }
}
