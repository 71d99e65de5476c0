using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace OrleansAI.Node.Serving;

/// <summary>
/// Fetches a model's ONNX file, refuses it unless it hashes to what the registry says, opens an
/// ONNX Runtime session (CUDA when asked for and available, else CPU with a log line), checks the
/// graph's input and output against the descriptor and warms it up. Its batchers answer calls as
/// <paramref name="answers"/> says (the model's scores unchanged by default).
/// </summary>
public sealed partial class ModelLoader(HttpClient http, ServingSettings settings, ComputeDevice device, ILogger logger, IInferenceConduct? answers = null)
{
    /// <summary>Loads <paramref name="model"/>; throws <see cref="ModelRefusedException"/> with the reason when it is not served.</summary>
    public async Task<LoadedModel> LoadAsync(ModelDescriptor model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var clock = Stopwatch.StartNew();
        if (model.Length <= 0 || model.Length > settings.MaxModelBytes)
        {
            throw new ModelRefusedException($"the model is {model.Length} bytes; this node accepts up to {settings.MaxModelBytes}");
        }

        var bytes = await DownloadAsync(model, cancellationToken);
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!string.Equals(actual, model.Sha256, StringComparison.Ordinal))
        {
            throw new ModelRefusedException($"the ONNX file hashes to {actual}, but the registry says {model.Sha256}");
        }

        var (session, provider) = Open(bytes, model.Key);
        try
        {
            Check(session, model);
            var batcher = new InferenceBatcher(session, model, settings, answers);
            // Warm-up: the first runs allocate ONNX Runtime's arenas and pick kernels.
            var zeros = new float[model.RowSize * Math.Min(settings.MaxBatchRows, 8)];
            batcher.RunDirect(zeros.AsSpan(0, (int)model.RowSize), 1);
            batcher.RunDirect(zeros, Math.Min(settings.MaxBatchRows, 8));
            return new LoadedModel(model, batcher, bytes.LongLength * 2 + batcher.BufferBytes, clock.Elapsed.TotalMilliseconds, provider);
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or ModelRefusedException)
        {
            session.Dispose();
            throw ex as ModelRefusedException ?? new ModelRefusedException($"the model does not run: {ex.Message}", ex);
        }
    }

    private async Task<byte[]> DownloadAsync(ModelDescriptor model, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(model.OnnxUrl, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[model.Length];
            var read = 0;
            while (read < buffer.Length)
            {
                var n = await body.ReadAsync(buffer.AsMemory(read), cancellationToken);
                if (n == 0)
                {
                    throw new ModelRefusedException($"the ONNX file is {read} bytes; the registry says {model.Length}");
                }

                read += n;
            }

            if (await body.ReadAsync(new byte[1], cancellationToken) != 0)
            {
                throw new ModelRefusedException($"the ONNX file is longer than the registry's {model.Length} bytes");
            }

            return buffer;
        }
        catch (HttpRequestException ex)
        {
            throw new ModelRefusedException($"the ONNX file could not be downloaded: {ex.Message}", ex);
        }
    }

    private (InferenceSession Session, string Provider) Open(byte[] bytes, string key)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = settings.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        var provider = "cpu";
        if (device == ComputeDevice.Cuda)
        {
            try
            {
                options.AppendExecutionProvider_CUDA(0);
                provider = "cuda";
            }
            catch (Exception ex) when (ex is OnnxRuntimeException or DllNotFoundException or EntryPointNotFoundException)
            {
                // The CPU package, or a machine without CUDA 13 / cuDNN: serve on the CPU and say so.
                LogCudaUnavailable(key, ex.Message);
            }
        }

        try
        {
            return (new InferenceSession(bytes, options), provider);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new ModelRefusedException($"the ONNX file does not load: {ex.Message}", ex);
        }
    }

    private static void Check(InferenceSession session, ModelDescriptor model)
    {
        if (!session.InputMetadata.TryGetValue(model.InputName, out var input) || session.InputMetadata.Count != 1)
        {
            throw new ModelRefusedException($"the graph's input is not the single input '{model.InputName}'");
        }

        if (!session.OutputMetadata.TryGetValue(model.OutputName, out var output))
        {
            throw new ModelRefusedException($"the graph has no output '{model.OutputName}'");
        }

        var dims = input.Dimensions;
        if (input.ElementDataType != TensorElementType.Float || dims.Length != model.RowShape.Count + 1 || !dims.Skip(1).Select(d => (long)d).SequenceEqual(model.RowShape))
        {
            throw new ModelRefusedException($"the graph's input is {input.ElementDataType}[{string.Join(',', dims)}], not float[batch,{string.Join(',', model.RowShape)}]");
        }

        var outDims = output.Dimensions;
        if (output.ElementDataType != TensorElementType.Float || outDims.Length != 2 || outDims[1] != model.OutputWidth)
        {
            throw new ModelRefusedException($"the graph's output is {output.ElementDataType}[{string.Join(',', outDims)}], not float[batch,{model.OutputWidth}]");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model {Key}: the CUDA execution provider is unavailable ({Reason}); serving on the CPU")]
    private partial void LogCudaUnavailable(string key, string reason);
}
