using System.Threading.Channels;
using OrleansAI.Grains.Interfaces.Providers;
using OrleansAI.Grains.Storage;
using OrleansAI.Protocol;

namespace OrleansAI.Api.Gateway;

/// <summary>
/// The gateway's end of one provider stream, handed to the provider grain as its observer. Pushes
/// become messages in a bounded queue that one writer drains onto the stream (gRPC allows one write
/// at a time); tasks get their short-lived blob URLs here, at the moment they are sent.
/// </summary>
public sealed class ProviderConnection(IContentStore? store, TimeProvider clock) : ITaskChannel
{
    /// <summary>Messages waiting for a slow provider before the connection is dropped.</summary>
    public const int QueueLength = 256;

    private readonly Channel<GatewayMessage> _outbox = Channel.CreateBounded<GatewayMessage>(new BoundedChannelOptions(QueueLength) { SingleReader = true });

    /// <summary>What the writer sends.</summary>
    public ChannelReader<GatewayMessage> Outbox => _outbox.Reader;

    /// <summary>Why the grain closed the connection, once it did.</summary>
    public string? ClosedBecause { get; private set; }

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
                LocalEpochs = task.LocalEpochs,
                LearningRate = task.LearningRate,
                BatchSize = task.BatchSize,
                ProximalMu = task.ProximalMu,
                Compression = task.Compression,
                Dataset = task.Dataset,
                DeadlineUnixMs = task.DeadlineUtc.ToUnixTimeMilliseconds(),
                Seed = task.Seed,
                Optimizer = "adam",
            },
        });
    }

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

    /// <summary>Stops accepting messages (the stream ended).</summary>
    public void Complete() => _outbox.Writer.TryComplete();
}
