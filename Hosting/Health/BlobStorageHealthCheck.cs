using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrleansAI.Hosting.Health;

/// <summary>Ready only while the blob service answers a service-properties request.</summary>
public sealed class BlobStorageHealthCheck(BlobServiceClient blobs) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await blobs.GetPropertiesAsync(cancellationToken);
            return HealthCheckResult.Healthy($"blob service at {blobs.Uri.Authority}");
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"Blob storage at {blobs.Uri.Authority} is unreachable: {ex.Message}");
        }
    }
}
