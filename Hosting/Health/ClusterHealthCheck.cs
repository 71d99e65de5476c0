using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrleansAI.Hosting.Health;

/// <summary>Ready only while the cluster answers and has at least one active silo.</summary>
public sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellationToken);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s)")
                : HealthCheckResult.Unhealthy("The cluster has no active silo.");
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException or OperationCanceledException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"The cluster is unreachable: {ex.Message}");
        }
    }
}
