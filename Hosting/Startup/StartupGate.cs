using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OrleansAI.Hosting.Startup;

/// <summary>
/// Runs the checks of required dependencies before anything else starts, retrying briefly because
/// services started together come up in any order, then fails the host with one message naming
/// every missing service.
/// </summary>
public sealed partial class StartupGate(
    HealthCheckService health,
    IOptions<StartupGateOptions> options,
    IOptions<HealthCheckServiceOptions> registered,
    ILogger<StartupGate> logger,
    TimeProvider clock) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var required = options.Value.Required;
        if (required.Count == 0)
        {
            return;
        }

        var missing = required.Except(registered.Value.Registrations.Select(r => r.Name), StringComparer.Ordinal).ToArray();
        if (missing.Length > 0)
        {
            throw new DependencyUnavailableException(
                string.Join(", ", missing),
                $"Required services are not configured: {string.Join(", ", missing)} (see the Postgres, BlobStorage and Chain settings).");
        }

        var patience = options.Value.Patience;
        var deadline = clock.GetUtcNow() + patience;
        while (true)
        {
            var report = await health.CheckHealthAsync(r => required.Contains(r.Name), cancellationToken);
            if (report.Status == HealthStatus.Healthy)
            {
                LogReady(logger, report.Entries.Count);
                return;
            }

            var failures = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).ToArray();
            if (clock.GetUtcNow() >= deadline)
            {
                var names = string.Join(", ", failures.Select(f => f.Key));
                var details = string.Join("; ", failures.Select(f => $"{f.Key}: {f.Value.Description}"));
                throw new DependencyUnavailableException(names, $"Required services are unavailable after {patience.TotalSeconds:0} s — {details}");
            }

            LogWaiting(logger, string.Join(", ", failures.Select(f => f.Key)));
            await Task.Delay(TimeSpan.FromSeconds(1), clock, cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "All {Count} required services answer")]
    private static partial void LogReady(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting for required services: {Services}")]
    private static partial void LogWaiting(ILogger logger, string services);
}
