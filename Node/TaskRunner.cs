using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Numerics.Tensors;
using System.Security.Cryptography;
using OrleansAI.Federation.Adversarial;
using OrleansAI.Federation.Compression;
using OrleansAI.Learning.Evaluation;
using OrleansAI.Learning.Specs;
using OrleansAI.Learning.Training;
using OrleansAI.Learning.Weights;
using OrleansAI.Protocol;

namespace OrleansAI.Node;

/// <summary>
/// Runs tasks: downloads and checks the global weights, evaluates them on the provider's test data,
/// trains on its training data, encodes and uploads the result, and signs the report. Compute is
/// limited to a fixed number of slots shared by every agent in the process, so a simulated fleet
/// on a small machine queues instead of thrashing.
/// </summary>
public sealed class TaskRunner(HttpClient http, int computeSlots) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, computeSlots));
    private readonly SharedDatasets _shards = new(http);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<byte[]>> _collusion = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public void Dispose() => _slots.Dispose();

    /// <summary>Runs <paramref name="task"/> for a provider and returns its result signed for <paramref name="chainId"/>.</summary>
    public async Task<TaskResult> RunAsync(WorkTask task, ProviderContext provider, long chainId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(provider);
        // Data-parallel tasks bring their data (a shard of the client's dataset); federated ones name local data.
        var shared = task.DataUrl.Length > 0;
        if (!shared && task.Dataset != provider.Data.Dataset)
        {
            throw new InvalidOperationException($"This provider holds '{provider.Data.Dataset}', not '{task.Dataset}'.");
        }

        var plan = ModelSpecJson.ParseAndPlan(task.SpecJson);
        // An intermittent cheater decides per task; the decision is drawn before any work so it is reproducible from the seed.
        var behavior = provider.Settings.CheatRate >= 1 || provider.Random.NextDouble() < provider.Settings.CheatRate ? provider.Settings.Behavior : ClientBehavior.Honest;
        var global = ModelWeights.FromSafetensors(plan, await DownloadAsync(task, provider.Settings.MaxWeightsBytes, cancellationToken));
        var train = task.Kind == "train";
        var (trainData, testData) = shared
            ? (await _shards.GetAsync(task.DataUrl, task.DataSha256, task.DataLength, provider.Settings.MaxDataBytes, cancellationToken),
               await _shards.GetAsync(task.TestUrl, task.TestSha256, task.TestLength, provider.Settings.MaxDataBytes, cancellationToken))
            : (provider.TrainingData, provider.Data.Test);
        if (shared && behavior == ClientBehavior.LabelFlip)
        {
            trainData = new LocalData(task.Dataset, trainData, testData).WithFlippedLabels().Train;
        }

        var training = task.Training ?? new Protocol.TrainingSettings();
        var options = TrainingSettingsMapping.ToOptions(training) with
        {
            Seed = task.Seed,
            Device = provider.Settings.Device,
            // Shared-data tasks may be re-run by others and compared: run them reproducibly (one
            // thread, bit-identical) unless this node was told to use more threads.
            Deterministic = shared && provider.Settings.TrainingThreads is null,
            Threads = shared ? provider.Settings.TrainingThreads : null,
            // The shirker trains half the steps it claims.
            MaxSteps = behavior == ClientBehavior.Shirker ? Math.Max(1, (trainData.Count + training.BatchSize - 1) / training.BatchSize * training.LocalEpochs / 2) : null,
        };
        var runtime = shared ? TrainingRuntime.Describe(options) : "";
        await _slots.WaitAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        EvaluationReport evaluation;
        TrainingResult? trained = null;
        try
        {
            (evaluation, trained) = await Task.Run(() =>
            {
                var logits = Predictor.Logits(global, testData, device: provider.Settings.Device);
                var report = Evaluator.Evaluate(logits, testData.Labels, testData.Classes, ScoreKind.Logits);
                var result = train && behavior is not (ClientBehavior.Lazy or ClientBehavior.GaussianNoise) && !provider.Settings.Copier
                    ? LocalTrainer.Train(global, trainData, options, cancellationToken)
                    : null;
                return (report, result);
            }, cancellationToken);
        }
        finally
        {
            _slots.Release();
        }

        if (provider.Settings.SimulatedCompute > TimeSpan.Zero)
        {
            // Simulated compute takes time but no core, so it does not hold a slot.
            await Task.Delay(provider.Settings.SimulatedCompute, cancellationToken);
        }

        var computeMs = clock.Elapsed.TotalMilliseconds;
        var result = new TaskResult
        {
            TaskId = task.TaskId,
            Evaluation = new Evaluation { Examples = testData.Count, Loss = evaluation.LogLoss, Accuracy = evaluation.Accuracy },
            ComputeMs = computeMs,
            Runtime = train ? runtime : "",
        };
        if (train)
        {
            var board = provider.Settings.Collusion is { } group ? _collusion.GetOrAdd($"{group}/{task.JobId}/{task.Round}", _ => new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously)) : null;
            byte[] payload;
            if (board is not null && provider.Settings.Copier)
            {
                // A copier does no work: it waits for its partner's result and hands in the same bytes,
                // necessarily after the partner has handed it in.
                payload = await board.Task.WaitAsync(TimeSpan.FromSeconds(120), cancellationToken);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
            else
            {
                var parameters = Behavior.Apply(behavior, global.Values, trained?.Weights.Values ?? global.Values, provider.Settings.ScaleFactor, provider.Random);
                payload = Encode(plan, global.Values, parameters, provider.CompressorFor(task.JobId, training.Compression));
            }

            if (payload.Length > task.MaxResultBytes)
            {
                throw new InvalidOperationException($"The result is {payload.Length} bytes; the task accepts {task.MaxResultBytes}.");
            }

            await UploadAsync(task.UploadUrl, payload, cancellationToken);
            if (!provider.Settings.Copier)
            {
                board?.TrySetResult(payload);
            }

            result.Sha256 = Convert.ToHexStringLower(SHA256.HashData(payload));
            result.Length = payload.Length;
            // Every cheat claims the full work.
            result.Examples = behavior == ClientBehavior.Shirker || trained is null ? (long)trainData.Count * training.LocalEpochs : trained.ExamplesSeen;
            result.TrainLoss = trained?.MeanLoss ?? 0;
        }

        result.Signature = MessageSignatures.Sign(
            ResultMessage.Format(chainId, task.TaskId, train ? result.Sha256 : "", train ? result.Length : 0, train ? result.Examples : 0, result.Runtime), provider.Key);
        return result;
    }

    private static byte[] Encode(ModelPlan plan, float[] global, float[] parameters, UpdateCompressor? compressor)
    {
        if (compressor is null)
        {
            return new ModelWeights(plan, parameters).ToSafetensors();
        }

        var delta = new float[parameters.Length];
        TensorPrimitives.Subtract(parameters, global, delta);
        return compressor.Encode(delta);
    }

    private async Task<byte[]> DownloadAsync(WorkTask task, long maxBytes, CancellationToken cancellationToken)
    {
        if (task.WeightsLength <= 0 || task.WeightsLength > maxBytes)
        {
            throw new InvalidOperationException($"The weights are {task.WeightsLength} bytes; this node accepts up to {maxBytes}.");
        }

        using var response = await http.GetAsync(task.WeightsUrl, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        var bytes = new byte[task.WeightsLength];
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await stream.ReadExactlyAsync(bytes, cancellationToken);
        if (stream.ReadByte() >= 0 || Convert.ToHexStringLower(SHA256.HashData(bytes)) != task.WeightsSha256)
        {
            throw new InvalidDataException("The downloaded weights do not match their hash.");
        }

        return bytes;
    }

    private async Task UploadAsync(string url, byte[] payload, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(payload);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Headers.Add("x-ms-blob-type", "BlockBlob");
        using var response = await http.PutAsync(url, content, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
