using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace OrleansAI.Hosting.Health;

/// <summary>Ready only while the chain's JSON-RPC endpoint answers with the configured chain id.</summary>
public sealed class ChainHealthCheck(JsonRpcProbe probe, IOptions<ChainOptions> options) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var chain = options.Value;
        try
        {
            var chainId = await probe.GetChainIdAsync(cancellationToken);
            return chainId == chain.ChainId
                ? HealthCheckResult.Healthy($"chain {chainId} at {chain.RpcUrl}")
                : HealthCheckResult.Unhealthy($"The node at {chain.RpcUrl} reports chain {chainId}, expected {chain.ChainId}.");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonRpcException or OperationCanceledException or System.Text.Json.JsonException)
        {
            return HealthCheckResult.Unhealthy($"The chain at {chain.RpcUrl} is unreachable: {ex.Message}");
        }
    }
}
