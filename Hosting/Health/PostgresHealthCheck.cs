using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace OrleansAI.Hosting.Health;

/// <summary>Ready only while PostgreSQL answers a query and the Orleans schema is present.</summary>
public sealed class PostgresHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT count(*) FROM orleansquery");
            var queries = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            return queries > 0
                ? HealthCheckResult.Healthy($"{queries} Orleans queries installed")
                : HealthCheckResult.Unhealthy("The Orleans schema has no queries installed.");
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL is unreachable: {ex.Message}");
        }
    }
}
