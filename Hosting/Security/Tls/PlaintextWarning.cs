using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OrleansAI.Hosting.Security.Tls;

/// <summary>Says at start what <c>Tls:AllowPlaintext</c> let through, so plaintext never goes unnoticed.</summary>
internal sealed class PlaintextWarning(IOptions<TlsOptions> options, IReadOnlyList<string> plaintext, ILogger<PlaintextWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.AllowPlaintext && plaintext.Count > 0)
        {
            logger.LogWarning("{Setting} is on: unencrypted {Parts}. Development only.", TlsOptions.AllowPlaintextSetting, string.Join(", ", plaintext));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
