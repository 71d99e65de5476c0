using System.Collections.Concurrent;
using System.Threading.Channels;

namespace OrleansAI.Api.Gateway;

/// <summary>
/// The gateway's end of one provider stream, handed to the provider grain as its observer. Pushes
/// become messages in a bounded queue that one writer drains onto the stream (gRPC allows one write
/// at a time); tasks get their short-lived blob URLs here, at the moment they are sent. Inference
/// calls are correlated with their replies here, so the read loop completes them without a grain.
/// </summary>
public sealed class ProviderConnection(
    IContentStore? store, TimeProvider clock, string address = "", decimal pricePer1k = 0, byte[]? sessionKey = null, IAuditLog? audit = null) : ITaskChannel
{
    /// <summary>Messages waiting for a slow provider before the connection is dropped.</summary>
    public const int QueueLength = 256;

    private readonly Channel<GatewayMessage> _outbox = Channel.CreateBounded<GatewayMessage>(new BoundedChannelOptions(QueueLength) { SingleReader = true });
    private readonly ConcurrentDictionary<ulong, TaskCompletionSource<InferReply>> _calls = new();
    private long _nextCall;
    private int _outstanding;

    /// <summary>The provider's address.</summary>
    public string Address { get; } = address;

    /// <summary>The Ed25519 key its sign-in delegated for signing inference answers; empty when none.</summary>
    public byte[] SessionKey { get; } = sessionKey ?? [];

    /// <summary>Its asking price per thousand inferences.</summary>
    public decimal PricePer1k { get; } = pricePer1k;

    /// <summary>Inference calls sent and not yet answered.</summary>
    public int Outstanding => Volatile.Read(ref _outstanding);

    /// <summary>What the writer sends.</summary>
    public ChannelReader<GatewayMessage> Outbox => _outbox.Reader;

    /// <summary>Why the grain closed the connection, once it did.</summary>
    public string? ClosedBecause { get; private set; }

    // Recorded for the resource's owner: which provider was handed a URL to read it, and why.
    private void RecordRead(string action, string resource, string owner, string detail) =>
        audit?.Record(new AuditEvent(AuditActors.Provider(Address), action, resource, owner.Length > 0 ? owner : AuditActors.Platform, "gateway", true, detail));

    /// <summary>Queues a message; false when the connection is closed or the provider cannot keep up.</summary>
    public bool Send(GatewayMessage message) => _outbox.Writer.TryWrite(message);

    /// <inheritdoc />
    public async Task DeliverAsync(ProviderTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (store is null)
        {
            return;
        }

        var lifetime = task.DeadlineUtc - clock.GetUtcNow() + TimeSpan.FromMinutes(2);
        lifetime = lifetime > IContentStore.MaxUrlLifetime ? IContentStore.MaxUrlLifetime : lifetime < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : lifetime;
        var read = await store.CreateReadUrlAsync(task.Weights.Sha256, lifetime, CancellationToken.None);
        var upload = task.Kind == TaskKind.Train ? await store.CreateUploadUrlAsync(task.TaskId, lifetime, CancellationToken.None) : null;
        // Data-parallel: the shard and its held-out part, each readable through its own scoped URL.
        var data = task.TrainData is { } train ? await store.CreateReadUrlAsync(train.Sha256, lifetime, CancellationToken.None) : null;
        var test = task.TestData is { } held ? await store.CreateReadUrlAsync(held.Sha256, lifetime, CancellationToken.None) : null;
        // A read URL is an access to the job owner's model weights and, data-parallel, to its data.
        RecordRead(AuditActions.WeightsRead, $"weights/{task.Weights.Sha256}", task.Owner, $"{task.JobId} round {task.Round} task {task.TaskId}");
        if (task.TrainData is { } shard)
        {
            RecordRead(AuditActions.ShardRead, $"shard/{shard.Sha256}", task.Owner, $"{task.JobId} round {task.Round} task {task.TaskId}");
        }

        Send(new GatewayMessage
        {
            Task = new WorkTask
            {
                TaskId = task.TaskId,
                Kind = task.Kind == TaskKind.Train ? "train" : "evaluate",
                JobId = task.JobId,
                Round = task.Round,
                SpecJson = task.SpecJson,
                WeightsUrl = read.ToString(),
                WeightsSha256 = task.Weights.Sha256,
                WeightsLength = task.Weights.Length,
                UploadUrl = upload?.ToString() ?? "",
                MaxResultBytes = task.MaxResultBytes,
                Dataset = task.Dataset,
                DeadlineUnixMs = task.DeadlineUtc.ToUnixTimeMilliseconds(),
                Seed = task.Seed,
                Training = TrainingWire.ToWire(task.Training),
                DataUrl = data?.ToString() ?? "",
                DataSha256 = task.TrainData?.Sha256 ?? "",
                DataLength = task.TrainData?.Length ?? 0,
                TestUrl = test?.ToString() ?? "",
                TestSha256 = task.TestData?.Sha256 ?? "",
                TestLength = task.TestData?.Length ?? 0,
            },
        });
    }

    /// <inheritdoc />
    public async Task LoadModelAsync(ModelPlacement placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        if (store is null)
        {
            return;
        }

        var url = await store.CreateReadUrlAsync(placement.Onnx.Sha256, TimeSpan.FromMinutes(15), CancellationToken.None);
        var version = AccessResource.FromModelVersionKey(placement.ModelKey);
        RecordRead(AuditActions.WeightsRead, version.Key, version.Owner, $"ONNX {placement.Onnx.Sha256} to serve");
        var load = new LoadModel
        {
            ModelKey = placement.ModelKey,
            OnnxUrl = url.ToString(),
            Sha256 = placement.Onnx.Sha256,
            Length = placement.Onnx.Length,
            InputName = placement.InputName,
            OutputName = placement.OutputName,
            OutputWidth = placement.OutputWidth,
        };
        load.RowShape.AddRange(placement.RowShape);
        Send(new GatewayMessage { LoadModel = load });
    }

    /// <inheritdoc />
    public Task UnloadModelAsync(string modelKey)
    {
        Send(new GatewayMessage { UnloadModel = new UnloadModel { ModelKey = modelKey } });
        return Task.CompletedTask;
    }

    /// <summary>
    /// Sends an inference call and waits for its reply; throws <see cref="IOException"/> when the
    /// connection cannot take it or closes first, and <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> fires (the reply is then dropped when it comes).
    /// </summary>
    public async Task<InferReply> CallAsync(InferCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        call.CallId = (ulong)Interlocked.Increment(ref _nextCall);
        var reply = new TaskCompletionSource<InferReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        _calls[call.CallId] = reply;
        Interlocked.Increment(ref _outstanding);
        try
        {
            if (ClosedBecause is not null || !Send(new GatewayMessage { Infer = call }))
            {
                throw new IOException("the provider's connection is closed or full");
            }

            return await reply.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            _calls.TryRemove(call.CallId, out _);
            Interlocked.Decrement(ref _outstanding);
        }
    }

    /// <inheritdoc />
    public async Task<InferenceAnswer> InferAsync(InferenceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var remaining = request.DeadlineUtc - clock.GetUtcNow();
        if (remaining <= TimeSpan.Zero)
        {
            return new InferenceAnswer(null, "the deadline passed");
        }

        using var deadline = new CancellationTokenSource(remaining);
        try
        {
            var reply = await CallAsync(new InferCall
            {
                ModelKey = request.ModelKey,
                Rows = request.Rows,
                Input = Google.Protobuf.ByteString.CopyFrom(request.Input),
                DeadlineUnixMs = request.DeadlineUtc.ToUnixTimeMilliseconds(),
            }, deadline.Token);
            return reply.Error.Length > 0 ? new InferenceAnswer(null, reply.Error) : new InferenceAnswer(reply.Output.ToByteArray(), null, reply.Signature.ToByteArray(), SessionKey);
        }
        catch (IOException ex)
        {
            return new InferenceAnswer(null, ex.Message);
        }
        catch (OperationCanceledException)
        {
            return new InferenceAnswer(null, "no answer in time");
        }
    }

    /// <summary>Hands a reply to the call waiting for it; false when none is (late or unknown).</summary>
    public bool Complete(InferReply reply) =>
        reply is not null && _calls.TryRemove(reply.CallId, out var waiting) && waiting.TrySetResult(reply);

    /// <inheritdoc />
    public Task CancelAsync(string taskId, string reason)
    {
        Send(new GatewayMessage { Cancelled = new TaskCancelled { TaskId = taskId, Reason = reason } });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task CloseAsync(string reason)
    {
        ClosedBecause = reason;
        Send(new GatewayMessage { Closing = new Closing { Reason = reason } });
        _outbox.Writer.TryComplete();
        return Task.CompletedTask;
    }

    /// <summary>Stops accepting messages (the stream ended) and fails the calls still waiting.</summary>
    public void Complete()
    {
        ClosedBecause ??= "stream ended";
        _outbox.Writer.TryComplete();
        foreach (var id in _calls.Keys)
        {
            if (_calls.TryRemove(id, out var waiting))
            {
                waiting.TrySetException(new IOException("the provider's connection closed"));
            }
        }
    }
}
