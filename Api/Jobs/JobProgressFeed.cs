using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Orleans.Streams;
using OrleansAI.Sdk.Jobs;
using JobStatus = OrleansAI.Grains.Interfaces.Jobs.JobStatus;

namespace OrleansAI.Api.Jobs;

/// <summary>
/// A job's progress as server-sent events: it subscribes to the job's Orleans stream first, then
/// sends the job as it is, then every change until the job is final or the client goes away; so
/// nothing that happens between reading and subscribing is missed.
/// </summary>
public static class JobProgressFeed
{
    /// <summary>Interval of keep-alive comments, so proxies do not cut an idle stream.</summary>
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    /// <summary>The events of job <paramref name="jobId"/>.</summary>
    public static async IAsyncEnumerable<SseItem<JobProgress>> ReadAsync(
        IClusterClient client, string jobId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var events = Channel.CreateBounded<JobEvent>(new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest });
        var stream = client.GetStreamProvider(JobEvent.StreamProvider).GetStream<JobEvent>(StreamId.Create(JobEvent.StreamNamespace, jobId));
        var subscription = await stream.SubscribeAsync((e, _) =>
        {
            events.Writer.TryWrite(e);
            return Task.CompletedTask;
        });
        try
        {
            var job = await client.GetGrain<ITrainingJobGrain>(jobId).GetAsync();
            if (job is null)
            {
                yield break;
            }

            yield return new SseItem<JobProgress>(JobWire.Snapshot(job), "snapshot");
            if (JobLifecycle.IsFinal(job.Status))
            {
                yield break;
            }

            while (!cancellationToken.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                wait.CancelAfter(KeepAlive);
                JobEvent? next = null;
                try
                {
                    next = await events.Reader.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // Quiet for a while: below, the job is checked directly in case an event was lost with a silo.
                }

                if (cancellationToken.IsCancellationRequested)
                {
                    yield break;
                }

                if (next is null)
                {
                    job = await client.GetGrain<ITrainingJobGrain>(jobId).GetAsync();
                    if (job is not null && JobLifecycle.IsFinal(job.Status))
                    {
                        yield return new SseItem<JobProgress>(JobWire.Snapshot(job), "snapshot");
                        yield break;
                    }

                    continue;
                }

                yield return new SseItem<JobProgress>(JobWire.Progress(next), next.Kind);
                // A completed job announces its model right after its final status: end on that.
                if (next.Kind is "model" || next.Kind is "status" && next.Status is JobStatus.Failed or JobStatus.Cancelled)
                {
                    yield break;
                }
            }
        }
        finally
        {
            await subscription.UnsubscribeAsync();
        }
    }
}
