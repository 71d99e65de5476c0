using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Threading.Channels;
using Google.Protobuf;
using Grpc.Core;

namespace OrleansAI.Node;

/// <summary>
/// One provider's connection to the network: signs in with its key, keeps its stream (reconnecting
/// with jittered exponential back-off), heartbeats, runs the tasks it is pushed and reports signed
/// results. A task pushed again after a reconnect is not run twice: its result is re-sent. With a
/// model cache it also serves inference: it loads the models it is told to hold and answers calls.
/// </summary>
public sealed partial class ProviderAgent(ProviderGateway.ProviderGatewayClient gateway, ProviderContext provider, TaskRunner runner, ILogger<ProviderAgent> logger, ModelCache? models = null)
{
    private static readonly WriteOptions BufferedWrite = new(WriteFlags.BufferHint);
    private readonly ConcurrentDictionary<string, Task<TaskOutcome>> _tasks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _cancellations = new(StringComparer.Ordinal);
    private int _sessions;
    private long _chainId;

    /// <summary>The provider's address.</summary>
    public string Address { get; } = provider?.Address ?? throw new ArgumentNullException(nameof(provider));

    /// <summary>Streams opened so far (reconnects included).</summary>
    public int Sessions => _sessions;

    /// <summary>Raised when the gateway confirms a registration.</summary>
    public event Action<ProviderAgent>? Registered;

    /// <summary>The models this provider holds for inference, when it serves.</summary>
    public ModelCache? Models => models;

    /// <summary>Raised when a model load ends: the key, and null when it is ready or else why not.</summary>
    public event Action<ProviderAgent, string, string?>? ModelLoaded;

    /// <summary>Raised when a task arrives, before it runs.</summary>
    public event Action<ProviderAgent, WorkTask>? TaskReceived;

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled, reconnecting as needed.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await SessionAsync(cancellationToken);
                backoff = TimeSpan.FromSeconds(1);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is RpcException or IOException or HttpRequestException or InvalidOperationException or OperationCanceledException)
            {
                LogDisconnected(Address, ex.Message);
            }

            var jitter = TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)(backoff.TotalMilliseconds / 2) + 1));
            try
            {
                await Task.Delay(backoff + jitter, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, provider.Settings.MaxBackoff.Ticks));
        }
    }

    private async Task SessionAsync(CancellationToken cancellationToken)
    {
        var challenge = await gateway.RequestChallengeAsync(new ChallengeRequest
        {
            Address = Address,
            SessionKey = ByteString.CopyFrom(InferenceReceipt.PublicKeyOf(provider.SessionKey)),
        }, cancellationToken: cancellationToken);
        var session = await gateway.LoginAsync(new LoginRequest
        {
            Address = Address,
            Nonce = challenge.Nonce,
            Signature = MessageSignatures.Sign(challenge.Message, provider.Key),
        }, cancellationToken: cancellationToken);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var call = gateway.Connect(new Metadata { { "authorization", $"Bearer {session.Token}" } }, cancellationToken: stop.Token);
        // One writer drains a queue (gRPC allows one write at a time); replies that pile up under load
        // go out without a flush each, flushed with the last.
        // Not single-reader: that channel kind cannot count, and the writer needs the count to batch.
        var outbox = Channel.CreateUnbounded<(NodeMessage Message, TaskCompletionSource Sent)>();
        var writer = WriteAsync(call.RequestStream, outbox.Reader, stop.Token);
        Task SendAsync(NodeMessage message)
        {
            var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return outbox.Writer.TryWrite((message, sent)) ? sent.Task : Task.FromException(new InvalidOperationException("the stream is closed"));
        }

        await SendAsync(new NodeMessage
        {
            Register = new Register
            {
                Agent = provider.Settings.Agent,
                Capabilities = new Capabilities
                {
                    Device = provider.Settings.Device == Learning.Training.ComputeDevice.Cuda ? "cuda" : "cpu",
                    MemoryMb = provider.Settings.MemoryMb,
                    Datasets = { provider.Data.Dataset },
                    PricePerTask = provider.Settings.PricePerTask.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    MaxConcurrentTasks = provider.Settings.MaxConcurrentTasks,
                    Serves = models is not null && provider.Settings.Serving.Enabled,
                    ServingMemoryMb = provider.Settings.Serving.MemoryBudgetBytes / (1024 * 1024),
                    PricePer1KInferences = provider.Settings.Serving.PricePer1kInferences.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
            },
        });
        Task? heartbeats = null;
        try
        {
            await foreach (var message in call.ResponseStream.ReadAllAsync(stop.Token))
            {
                switch (message.BodyCase)
                {
                    case GatewayMessage.BodyOneofCase.Registered:
                        _chainId = message.Registered.ChainId;
                        Interlocked.Increment(ref _sessions);
                        heartbeats ??= HeartbeatAsync(SendAsync, () => models?.Outstanding ?? 0, TimeSpan.FromSeconds(Math.Max(1, message.Registered.HeartbeatSeconds)), stop.Token);
                        Registered?.Invoke(this);
                        break;
                    case GatewayMessage.BodyOneofCase.Task:
                        TaskReceived?.Invoke(this, message.Task);
                        Start(message.Task, SendAsync, stop.Token);
                        break;
                    case GatewayMessage.BodyOneofCase.Cancelled:
                        if (_cancellations.TryRemove(message.Cancelled.TaskId, out var cancel))
                        {
                            await cancel.CancelAsync();
                        }

                        break;
                    case GatewayMessage.BodyOneofCase.Infer:
                        _ = InferAsync(message.Infer, SendAsync);
                        break;
                    case GatewayMessage.BodyOneofCase.LoadModel:
                        _ = LoadModelAsync(message.LoadModel, SendAsync, stop.Token);
                        break;
                    case GatewayMessage.BodyOneofCase.UnloadModel:
                        if (models?.Unload(message.UnloadModel.ModelKey) == true)
                        {
                            await SendAsync(new NodeMessage { ModelState = new ModelState { ModelKey = message.UnloadModel.ModelKey, State = "evicted", Detail = "unloaded" } });
                        }

                        break;
                    case GatewayMessage.BodyOneofCase.Receipt:
                        OnReceipt(message.Receipt);
                        break;
                    case GatewayMessage.BodyOneofCase.Closing:
                        LogClosing(Address, message.Closing.Reason);
                        return;
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            outbox.Writer.TryComplete();
            await writer;
            if (heartbeats is not null)
            {
                await heartbeats.ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private static async Task WriteAsync(IClientStreamWriter<NodeMessage> stream, ChannelReader<(NodeMessage Message, TaskCompletionSource Sent)> outbox, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            while (await outbox.WaitToReadAsync(cancellationToken))
            {
                while (outbox.TryRead(out var item))
                {
                    try
                    {
                        stream.WriteOptions = outbox.Count > 0 ? BufferedWrite : null;
                        await stream.WriteAsync(item.Message, cancellationToken);
                        item.Sent.TrySetResult();
                    }
                    catch (Exception ex) when (ex is OperationCanceledException or RpcException or InvalidOperationException or IOException)
                    {
                        item.Sent.TrySetException(ex);
                        throw;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or RpcException or InvalidOperationException or IOException)
        {
            failure = ex;
        }

        // Whatever is still queued will not be sent on this stream.
        while (outbox.TryRead(out var left))
        {
            left.Sent.TrySetException(failure ?? new InvalidOperationException("the stream is closed"));
        }
    }

    private void Start(WorkTask task, Func<NodeMessage, Task> send, CancellationToken connection)
    {
        // A task re-sent after a reconnect reuses the run already under way (or its result).
        var run = _tasks.GetOrAdd(task.TaskId, _ =>
        {
            var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(Math.Max(1_000, task.DeadlineUnixMs - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())));
            _cancellations[task.TaskId] = cancel;
            return RunTaskAsync(task, cancel.Token);
        });
        _ = ReportAsync(task.TaskId, run, send, connection);
    }

    private async Task<TaskOutcome> RunTaskAsync(WorkTask task, CancellationToken cancellationToken)
    {
        try
        {
            return new TaskOutcome(await runner.RunAsync(task, provider, Interlocked.Read(ref _chainId), cancellationToken), null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever went wrong locally (bad weights, cancelled, out of range), the network hears why.
            LogTaskFailed(Address, task.TaskId, ex.Message);
            return new TaskOutcome(null, ex.Message.Length > 400 ? ex.Message[..400] : ex.Message);
        }
    }

    private async Task ReportAsync(string taskId, Task<TaskOutcome> run, Func<NodeMessage, Task> send, CancellationToken connection)
    {
        try
        {
            var outcome = await run;
            if (outcome.Result is null)
            {
                await send(new NodeMessage { Failure = new TaskFailure { TaskId = taskId, Reason = outcome.Failure ?? "failed" } });
                _tasks.TryRemove(taskId, out _);
                return;
            }

            await send(new NodeMessage { Result = outcome.Result });
        }
        catch (Exception ex) when (ex is OperationCanceledException or RpcException or InvalidOperationException or IOException)
        {
            // The connection went away; the task is kept and reported again when it is re-sent.
            LogReportDeferred(Address, taskId, ex.Message);
        }
    }

    private void OnReceipt(ResultReceipt receipt)
    {
        _tasks.TryRemove(receipt.TaskId, out _);
        if (_cancellations.TryRemove(receipt.TaskId, out var cancel))
        {
            cancel.Dispose();
        }

        if (receipt.Outcome != "accepted")
        {
            LogReceipt(Address, receipt.TaskId, receipt.Outcome, receipt.Detail);
        }
    }

    private async Task InferAsync(InferCall call, Func<NodeMessage, Task> send)
    {
        var started = Stopwatch.GetTimestamp();
        var reply = new InferReply { CallId = call.CallId };
        try
        {
            var model = models?.Get(call.ModelKey);
            if (model is null)
            {
                reply.Error = "the model is not loaded on this node";
            }
            else
            {
                var remaining = Math.Clamp(call.DeadlineUnixMs - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), 0, 600_000);
                var pending = new PendingInference(call.Input.Memory, call.Rows, started + remaining * Stopwatch.Frequency / 1000, new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously));
                if (!model.Batcher.TryEnqueue(pending))
                {
                    reply.Error = "the node is at capacity";
                }
                else
                {
                    var output = await pending.Completion.Task;
                    if (provider.Settings.Serving.ExtraLatency > TimeSpan.Zero)
                    {
                        await Task.Delay(provider.Settings.Serving.ExtraLatency);
                    }

                    var digest = InferenceReceipt.Digest(Interlocked.Read(ref _chainId), call.ModelKey, SHA256.HashData(call.Input.Span), SHA256.HashData(output));
                    reply.Signature = UnsafeByteOperations.UnsafeWrap(InferenceReceipt.Sign(provider.SessionKey, digest));

                    reply.Output = UnsafeByteOperations.UnsafeWrap(output);
                    reply.Shape.Add(call.Rows);
                    reply.Shape.Add(model.Descriptor.OutputWidth);
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            reply.Error = ex.Message.Length > 200 ? ex.Message[..200] : ex.Message;
        }

        reply.NodeUs = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        try
        {
            await send(new NodeMessage { InferReply = reply });
        }
        catch (Exception ex) when (ex is OperationCanceledException or RpcException or InvalidOperationException or IOException)
        {
            // The stream is gone; the gateway fails the call over to another node.
        }
    }

    private async Task LoadModelAsync(LoadModel load, Func<NodeMessage, Task> send, CancellationToken cancellationToken)
    {
        var state = new ModelState { ModelKey = load.ModelKey };
        var evicted = (IReadOnlyList<string>)[];
        if (models is null || !provider.Settings.Serving.Enabled)
        {
            state.State = "failed";
            state.Detail = "this node does not serve inference";
        }
        else if (!Uri.TryCreate(load.OnnxUrl, UriKind.Absolute, out var url))
        {
            state.State = "failed";
            state.Detail = "the model URL is not absolute";
        }
        else
        {
            try
            {
                var (model, dropped) = await models.LoadAsync(new ModelDescriptor(load.ModelKey, url, load.Sha256, load.Length, load.InputName, load.OutputName, [.. load.RowShape], load.OutputWidth), cancellationToken);
                evicted = dropped;
                state.State = "ready";
                state.MemoryBytes = model.MemoryBytes;
                state.LoadMs = model.LoadMs;
                state.Detail = model.ExecutionProvider;
            }
            catch (ModelRefusedException ex)
            {
                LogModelRefused(Address, load.ModelKey, ex.Message);
                state.State = "failed";
                state.Detail = ex.Message;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        ModelLoaded?.Invoke(this, load.ModelKey, state.State == "ready" ? null : state.Detail);
        try
        {
            foreach (var key in evicted)
            {
                await send(new NodeMessage { ModelState = new ModelState { ModelKey = key, State = "evicted", Detail = "the cache's memory budget" } });
            }

            await send(new NodeMessage { ModelState = state });
        }
        catch (Exception ex) when (ex is OperationCanceledException or RpcException or InvalidOperationException or IOException)
        {
            // Reported again when the gateway re-sends the model after a reconnect.
        }
    }

    private static async Task HeartbeatAsync(Func<NodeMessage, Task> send, Func<int> outstanding, TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            await send(new NodeMessage { Heartbeat = new Heartbeat { OutstandingInferences = outstanding() } });
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider {Address} refused model {Key}: {Reason}")]
    private partial void LogModelRefused(string address, string key, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider {Address} disconnected: {Reason}")]
    private partial void LogDisconnected(string address, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Provider {Address}: the gateway is closing the stream: {Reason}")]
    private partial void LogClosing(string address, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider {Address} task {TaskId} failed: {Reason}")]
    private partial void LogTaskFailed(string address, string taskId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Provider {Address} will report task {TaskId} after reconnecting: {Reason}")]
    private partial void LogReportDeferred(string address, string taskId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Provider {Address} task {TaskId}: {Outcome} {Detail}")]
    private partial void LogReceipt(string address, string taskId, string outcome, string detail);
}
