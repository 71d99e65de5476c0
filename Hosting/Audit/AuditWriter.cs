using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansAI.Grains.Interfaces.Audit;

namespace OrleansAI.Hosting.Audit;

/// <summary>
/// The host's <see cref="IAuditLog"/>: buffers events (folding identical ones), writes them every
/// <see cref="AuditOptions.FlushInterval"/>, keeps them through a store outage (a failed batch goes
/// back into the buffer), and writes what is left when the host stops.
/// </summary>
public sealed partial class AuditWriter(IAuditStore store, IOptions<AuditOptions> options, TimeProvider clock, ILogger<AuditWriter> logger)
    : BackgroundService, IAuditLog
{
    private readonly Lock _gate = new();
    private readonly AuditBuffer _buffer = new();
    // Never disposed: the host may dispose its services before a late stop flushes, and a
    // SemaphoreSlim whose wait handle is never asked for holds nothing that needs releasing.
    private readonly SemaphoreSlim _flushing = new(1, 1);

    /// <inheritdoc />
    public void Record(AuditEvent entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        // Bounded to the table's columns here, so a long name from a caller can never fail a batch;
        // copied only when something is too long (inference records an event per call).
        var bounded = entry.Actor.Length <= 200 && entry.Action.Length <= 64 && entry.Resource.Length <= 300 && entry.Owner.Length <= 64
            && entry.Source.Length <= 100 && (entry.Detail?.Length ?? 0) <= 500
            ? entry
            : new AuditEvent(
                Cut(entry.Actor, 200), Cut(entry.Action, 64), Cut(entry.Resource, 300), Cut(entry.Owner, 64), Cut(entry.Source, 100), entry.Allowed,
                entry.Detail is null ? null : Cut(entry.Detail, 500));
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            _buffer.Add(bounded, now);
        }
    }

    /// <summary>Writes everything recorded so far; false when the store refused (the records stay buffered).</summary>
    public async Task<bool> FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            IReadOnlyList<AuditRecord> batch;
            lock (_gate)
            {
                batch = _buffer.Drain();
            }

            if (batch.Count == 0)
            {
                return true;
            }

            try
            {
                await store.AppendAsync(batch, cancellationToken);
                return true;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                lock (_gate)
                {
                    foreach (var record in batch)
                    {
                        _buffer.Add(record.Event, record.FirstUtc, record.LastUtc, record.Count);
                    }
                }

                LogWriteFailed(logger, batch.Count, ex.Message);
                return false;
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FlushInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the last write happens in StopAsync.
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        using var last = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        last.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await FlushAsync(last.Token);
        }
        catch (OperationCanceledException)
        {
            LogLostOnStop(logger);
        }
    }

    private static string Cut(string value, int length) => value.Length <= length ? value : value[..length];

    [LoggerMessage(Level = LogLevel.Warning, Message = "The audit log could not write {Records} records; they stay buffered and are retried: {Reason}")]
    private static partial void LogWriteFailed(ILogger logger, int records, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit log could not write its last records before the host stopped.")]
    private static partial void LogLostOnStop(ILogger logger);
}
