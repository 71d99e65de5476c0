using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace OrleansAI.Hosting.Tests;

public sealed class PostgresHealthCheckTests
{
    [Fact]
    public async Task PostgresHealthIsHealthyWhenTheSchemaIsInstalled()
    {
        await using var dataSource = await LocalServices.OpenPostgresAsync();

        var result = await new PostgresHealthCheck(dataSource).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task PostgresHealthIsUnhealthyWhenTheServerIsStopped()
    {
        await using var dataSource = NpgsqlDataSource.Create(LocalServices.UnreachablePostgresConnection);

        var result = await new PostgresHealthCheck(dataSource).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("unreachable", result.Description, StringComparison.Ordinal);
    }
}
