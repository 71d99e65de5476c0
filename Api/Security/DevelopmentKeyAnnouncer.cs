namespace OrleansAI.Api.Security;

/// <summary>Logs the made-up development key once, at start (embedded default only).</summary>
public sealed partial class DevelopmentKeyAnnouncer(ILogger<DevelopmentKeyAnnouncer> logger, string key) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogKey(logger, key);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No client keys are configured: development API key for client 'local' is {Key} (send it as 'Authorization: Bearer KEY')")]
    private static partial void LogKey(ILogger logger, string key);
}
