using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using Microsoft.ML.OnnxRuntime;

namespace OrleansAI.Node.Serving;

/// <summary>
/// Dynamic batching for one loaded model: calls queue, one dedicated thread takes the first, adds
/// whatever else is queued (waiting up to the queue delay for more) up to the batch size, copies
/// the rows into a preallocated input buffer and runs ONNX Runtime once into a preallocated output
/// buffer. One thread per model keeps ONNX Runtime's blocking call off the thread pool.
/// </summary>
public sealed class InferenceBatcher : IDisposable
{
    private readonly Channel<PendingInference> _queue;
    private readonly InferenceSession _session;
    private readonly ServingSettings _settings;
    private readonly IInferenceConduct _answers;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly long[] _rowShape;
    private readonly int _rowSize;
    private readonly int _outputWidth;
    private readonly float[] _input;
    private readonly float[] _output;
    private readonly RunOptions _run = new();
    private readonly List<PendingInference> _batch = [];
    private readonly Thread _worker;
    private PendingInference? _carry;
    private int _outstanding;
    private long _batches;
    private long _rows;

    /// <summary>Starts the batcher over a loaded session; each batched call is answered as <paramref name="answers"/> says (unchanged by default).</summary>
    public InferenceBatcher(InferenceSession session, ModelDescriptor model, ServingSettings settings, IInferenceConduct? answers = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        _session = session ?? throw new ArgumentNullException(nameof(session));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _answers = answers ?? HonestInference.Instance;
        _inputNames = [model.InputName];
        _outputNames = [model.OutputName];
        _rowShape = [.. model.RowShape];
        _rowSize = checked((int)model.RowSize);
        _outputWidth = checked((int)model.OutputWidth);
        _input = new float[settings.MaxBatchRows * _rowSize];
        _output = new float[settings.MaxBatchRows * _outputWidth];
        _queue = Channel.CreateBounded<PendingInference>(new BoundedChannelOptions(settings.MaxQueuedRequests) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _worker = new Thread(Work) { IsBackground = true, Name = $"infer {model.Key}" };
        _worker.Start();
    }

    /// <summary>Calls queued or running.</summary>
    public int Outstanding => Volatile.Read(ref _outstanding);

    /// <summary>ONNX Runtime calls made.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Rows run.</summary>
    public long RowsRun => Interlocked.Read(ref _rows);

    /// <summary>Bytes the preallocated buffers take.</summary>
    public long BufferBytes => (_input.LongLength + _output.LongLength) * sizeof(float);

    /// <summary>Queues a call; false when the queue is full or the batcher is stopping.</summary>
    public bool TryEnqueue(PendingInference call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.Rows <= 0 || call.Input.Length != (long)call.Rows * _rowSize * sizeof(float))
        {
            call.Completion.TrySetException(new ArgumentException($"the input must be rows x {_rowSize} float32 values"));
            return true;
        }

        Interlocked.Increment(ref _outstanding);
        if (_queue.Writer.TryWrite(call))
        {
            return true;
        }

        Interlocked.Decrement(ref _outstanding);
        return false;
    }

    /// <summary>Runs rows synchronously on the caller's thread, bypassing the queue (warm-up, benchmarks).</summary>
    public float[] RunDirect(ReadOnlySpan<float> rows, int count)
    {
        var output = new float[count * _outputWidth];
        Run(rows, count, output);
        return output;
    }

    /// <summary>Stops taking calls, finishes the queued ones and releases the session.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        if (Thread.CurrentThread != _worker)
        {
            _worker.Join(TimeSpan.FromSeconds(30));
        }

        _run.Dispose();
        _session.Dispose();
    }

    private void Work()
    {
        var reader = _queue.Reader;
        while (true)
        {
            if (_carry is null && !reader.TryPeek(out _))
            {
                // Blocking here is fine: this thread does nothing else.
                if (!reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
                {
                    return;
                }
            }

            Collect(reader);
            if (_batch.Count > 0)
            {
                RunBatch();
            }
        }
    }

    private void Collect(ChannelReader<PendingInference> reader)
    {
        _batch.Clear();
        var rows = 0;
        var max = _settings.MaxBatchRows;
        if (_carry is { } carried)
        {
            _carry = null;
            Add(carried, ref rows);
        }

        var waitUntil = Stopwatch.GetTimestamp() + (long)(_settings.MaxQueueDelay.TotalSeconds * Stopwatch.Frequency);
        var spinner = default(SpinWait);
        while (rows < max)
        {
            if (reader.TryRead(out var call))
            {
                if (rows > 0 && rows + call.Rows > max)
                {
                    _carry = call;
                    return;
                }

                Add(call, ref rows);
                continue;
            }

            if (rows > 0 && Stopwatch.GetTimestamp() >= waitUntil)
            {
                return;
            }

            if (rows == 0 && !reader.TryPeek(out _))
            {
                return;
            }

            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }

    private void Add(PendingInference call, ref int rows)
    {
        if (Stopwatch.GetTimestamp() > call.DeadlineTicks)
        {
            Finish(call, null, new TimeoutException("the deadline passed while the call was queued"));
            return;
        }

        _batch.Add(call);
        rows += call.Rows;
    }

    private void RunBatch()
    {
        var rows = 0;
        foreach (var call in _batch)
        {
            rows += call.Rows;
        }

        try
        {
            if (rows > _settings.MaxBatchRows)
            {
                // One call larger than a batch runs alone on buffers of its own.
                var call = _batch[0];
                var output = RunDirect(MemoryMarshal.Cast<byte, float>(call.Input.Span), call.Rows);
                Finish(call, MemoryMarshal.AsBytes(output.AsSpan()).ToArray(), null);
                return;
            }

            var offset = 0;
            foreach (var call in _batch)
            {
                MemoryMarshal.Cast<byte, float>(call.Input.Span).CopyTo(_input.AsSpan(offset));
                offset += call.Rows * _rowSize;
            }

            Run(_input.AsSpan(0, rows * _rowSize), rows, _output);
            offset = 0;
            foreach (var call in _batch)
            {
                var values = _output.AsSpan(offset, call.Rows * _outputWidth);
                offset += values.Length;
                _answers.Answer(values, call.Rows, _outputWidth);
                Finish(call, MemoryMarshal.AsBytes(values).ToArray(), null);
            }
        }
        catch (OnnxRuntimeException ex)
        {
            foreach (var call in _batch)
            {
                Finish(call, null, ex);
            }
        }
    }

    private void Run(ReadOnlySpan<float> rows, int count, float[] output)
    {
        long[] inputShape = [count, .. _rowShape];
        var input = rows.Overlaps(_input) ? _input : rows.ToArray();
        using var inputValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, input.AsMemory(0, count * _rowSize), inputShape);
        using var outputValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, output.AsMemory(0, count * _outputWidth), [count, _outputWidth]);
        _session.Run(_run, _inputNames, [inputValue], _outputNames, [outputValue]);
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _rows, count);
    }

    private void Finish(PendingInference call, byte[]? output, Exception? error)
    {
        Interlocked.Decrement(ref _outstanding);
        if (output is not null)
        {
            call.Completion.TrySetResult(output);
        }
        else
        {
            call.Completion.TrySetException(error!);
        }
    }
}
