using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OrleansAI.Hosting.Audit;

/// <summary>Deletes audit entries older than <see cref="AuditOptions.Retention"/>, every <see cref="AuditOptions.PruneInterval"/>.</summary>
public sealed partial class AuditRetention(IAuditStore store, IOptions<AuditOptions> options, TimeProvider clock, ILogger<AuditRetention> logger) : BackgroundService
{
    /// <summary>Deletes what is past its retention now; how many entries went.</summary>
    public async Task<long> PruneAsync(CancellationToken cancellationToken)
    {
        var removed = await store.PruneAsync(clock.GetUtcNow() - options.Value.Retention, cancellationToken);
        if (removed > 0)
        {
            LogPruned(logger, removed, options.Value.Retention);
        }

        return removed;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PruneAsync(stoppingToken);
                await Task.Delay(options.Value.PruneInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPruneFailed(logger, ex.Message);
                await Task.Delay(options.Value.PruneInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Removed} audit entries older than {Retention}.")]
    private static partial void LogPruned(ILogger logger, long removed, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit retention could not delete old entries: {Reason}")]
    private static partial void LogPruneFailed(ILogger logger, string reason);
}
