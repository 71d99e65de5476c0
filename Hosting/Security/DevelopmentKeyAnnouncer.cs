using Microsoft.Extensions.Hosting;

namespace OrleansAI.Hosting.Security;

/// <summary>Logs the made-up development key once, at start (embedded default only).</summary>
public sealed partial class DevelopmentKeyAnnouncer(ILogger<DevelopmentKeyAnnouncer> logger, string client, string key) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogKey(logger, client, key);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No client keys are configured: development API key for client '{Client}' is {Key} (send it as 'Authorization: Bearer KEY', or as a browser's password)")]
    private static partial void LogKey(ILogger logger, string client, string key);
}
