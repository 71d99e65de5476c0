using Microsoft.Extensions.Diagnostics.HealthChecks;
using static Microsoft.Extensions.Options.Options;

namespace OrleansAI.Hosting.Tests;

public sealed class ChainTests
{
    [Fact]
    public async Task AnvilAnswersChainIdAndBlockNumberOverJsonRpc()
    {
        using var http = new HttpClient();
        var probe = new JsonRpcProbe(http, Create(new ChainOptions { RpcUrl = LocalServices.AnvilUrl }));

        Assert.Equal(LocalServices.ChainId, await probe.GetChainIdAsync(CancellationToken.None));
        Assert.True(await probe.GetBlockNumberAsync(CancellationToken.None) >= 0);
    }

    [Fact]
    public async Task ChainHealthIsUnhealthyWhenTheNodeReportsAnotherChain()
    {
        using var http = new HttpClient();
        var options = Create(new ChainOptions { RpcUrl = LocalServices.AnvilUrl, ChainId = 1 });

        var result = await new ChainHealthCheck(new JsonRpcProbe(http, options), options).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("reports chain 31337, expected 1", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChainHealthIsUnhealthyWhenTheNodeIsStopped()
    {
        using var http = new HttpClient();
        var options = Create(new ChainOptions { RpcUrl = LocalServices.UnreachableRpcUrl });

        var result = await new ChainHealthCheck(new JsonRpcProbe(http, options), options).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("unreachable", result.Description, StringComparison.Ordinal);
    }
}
