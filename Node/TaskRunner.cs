using System.Diagnostics;
using System.Net.Http.Headers;
using System.Numerics.Tensors;
using System.Security.Cryptography;
using OrleansAI.Federation.Compression;
using OrleansAI.Learning.Evaluation;
using OrleansAI.Models.Specs;
using OrleansAI.Models.Weights;

namespace OrleansAI.Node;

/// <summary>
/// Runs tasks: downloads and checks the global weights, evaluates them on the provider's test data,
/// trains on its training data, encodes and uploads the result, and signs the report. Where a
/// provider could do otherwise it asks the provider's <see cref="ProviderContext.Conduct"/> (honest
/// by default). Compute is limited to a fixed number of slots shared by every agent in the
/// process, so a simulated fleet on a small machine queues instead of thrashing.
/// </summary>
public sealed class TaskRunner(HttpClient http, int computeSlots) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, computeSlots));
    private readonly SharedDatasets _shards = new(http);

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
        // Before any work: a conduct that decides per task then draws from the provider's seed in a reproducible order.
        var conduct = provider.Conduct.ForTask(task, provider.Random);
        var global = ModelWeights.FromSafetensors(plan, await DownloadAsync(task, provider.Settings.MaxWeightsBytes, cancellationToken));
        var train = task.Kind == "train";
        var (trainData, testData) = shared
            ? (await _shards.GetAsync(task.DataUrl, task.DataSha256, task.DataLength, provider.Settings.MaxDataBytes, cancellationToken),
               await _shards.GetAsync(task.TestUrl, task.TestSha256, task.TestLength, provider.Settings.MaxDataBytes, cancellationToken))
            : (provider.Data.Train, provider.Data.Test);
        trainData = conduct.TrainingData(trainData);
        var training = task.Training ?? new Protocol.TrainingSettings();
        var options = TrainingSettingsMapping.ToOptions(training) with
        {
            Seed = task.Seed,
            Device = provider.Settings.Device,
            // Shared-data tasks may be re-run by others and compared: run them reproducibly (one
            // thread, bit-identical) unless this node was told to use more threads.
            Deterministic = shared && provider.Settings.TrainingThreads is null,
            Threads = shared ? provider.Settings.TrainingThreads : null,
            MaxSteps = conduct.StepLimit(FullSteps(trainData.Count, training)),
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
                var result = train && conduct.Trains
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
            var payload = await conduct.ReplacementPayloadAsync(cancellationToken)
                ?? Encode(plan, global.Values, conduct.Parameters(global.Values, trained?.Weights.Values ?? global.Values), provider.CompressorFor(task.JobId, training.Compression));
            if (payload.Length > task.MaxResultBytes)
            {
                throw new InvalidOperationException($"The result is {payload.Length} bytes; the task accepts {task.MaxResultBytes}.");
            }

            await UploadAsync(task.UploadUrl, payload, cancellationToken);
            conduct.HandedIn(payload);

            result.Sha256 = Convert.ToHexStringLower(SHA256.HashData(payload));
            result.Length = payload.Length;
            result.Examples = conduct.ClaimedExamples(trained?.ExamplesSeen ?? 0, (long)trainData.Count * training.LocalEpochs);
            result.TrainLoss = trained?.MeanLoss ?? 0;
        }

        result.Signature = MessageSignatures.Sign(
            ResultMessage.Format(chainId, task.TaskId, train ? result.Sha256 : "", train ? result.Length : 0, train ? result.Examples : 0, result.Runtime), provider.Key);
        return result;
    }

    // The optimiser steps the task's settings amount to: every batch of every local epoch. A task
    // without settings (evaluation only) trains nothing, hence no steps.
    private static int FullSteps(int examples, Protocol.TrainingSettings training) =>
        training.BatchSize > 0 ? (examples + training.BatchSize - 1) / training.BatchSize * training.LocalEpochs : 0;

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
