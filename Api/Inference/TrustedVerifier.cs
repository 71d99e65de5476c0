using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;

namespace OrleansAI.Api.Inference;

/// <summary>
/// The platform's own verifier: re-computes an answer in-process with ONNX Runtime from the model's
/// registered ONNX file (checked against its hash), so a node can be caught by a single verifier
/// instead of a majority of other nodes. The inputs it checks are real requests, chosen at random,
/// so a node cannot tell which of its answers will be checked.
/// </summary>
public sealed class TrustedVerifier(IServiceProvider services) : IDisposable
{
    /// <summary>Models kept loaded; answers of further models are not verified here.</summary>
    public const int MaxModels = 16;

    private readonly ConcurrentDictionary<string, Lazy<Task<InferenceSession>>> _sessions = new(StringComparer.Ordinal);
    private readonly Lock _runLock = new();

    /// <summary>The trusted output for <paramref name="input"/> (rows of float32), or null when the model cannot be loaded here.</summary>
    public async Task<float[]?> ComputeAsync(ModelPlacement placement, float[] input, int rows)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(input);
        if (!_sessions.ContainsKey(placement.Onnx.Sha256) && _sessions.Count >= MaxModels)
        {
            return null;
        }

        var session = await _sessions.GetOrAdd(placement.Onnx.Sha256, _ => new Lazy<Task<InferenceSession>>(() => LoadAsync(placement))).Value;
        long[] shape = [rows, .. placement.RowShape];
        var output = new float[rows * placement.OutputWidth];
        using var inputValue = OrtValue.CreateTensorValueFromMemory(input, shape);
        using var outputValue = OrtValue.CreateTensorValueFromMemory(output, [rows, placement.OutputWidth]);
        using var run = new RunOptions();
        // One verification at a time: it is a background check and must not take the cores from serving.
        lock (_runLock)
        {
            session.Run(run, [placement.InputName], [inputValue], [placement.OutputName], [outputValue]);
        }

        return output;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var lazy in _sessions.Values)
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
            {
                lazy.Value.Result.Dispose();
            }
        }
    }

    private async Task<InferenceSession> LoadAsync(ModelPlacement placement)
    {
        var store = services.GetService<IContentStore>() ?? throw new InvalidOperationException("No content store is configured.");
        // Checked against its hash and length while read: an altered file is refused, never served.
        var bytes = await store.ReadAllAsync(placement.Onnx, CancellationToken.None);

        using var options = new Microsoft.ML.OnnxRuntime.SessionOptions { IntraOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        return new InferenceSession(bytes, options);
    }
}
