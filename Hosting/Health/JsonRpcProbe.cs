using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace OrleansAI.Hosting.Health;

/// <summary>
/// The two read-only JSON-RPC calls health and smoke checks need. Settlement talks to the chain
/// through Nethereum; this stays a plain HTTP call so hosts that only check health carry no
/// Ethereum stack.
/// </summary>
public sealed class JsonRpcProbe(HttpClient http, IOptions<ChainOptions> options)
{
    /// <summary>The chain id the node reports (<c>eth_chainId</c>).</summary>
    public async Task<long> GetChainIdAsync(CancellationToken cancellationToken) =>
        ParseQuantity(await CallAsync("eth_chainId", cancellationToken));

    /// <summary>The latest block number (<c>eth_blockNumber</c>).</summary>
    public async Task<long> GetBlockNumberAsync(CancellationToken cancellationToken) =>
        ParseQuantity(await CallAsync("eth_blockNumber", cancellationToken));

    private async Task<string> CallAsync(string method, CancellationToken cancellationToken)
    {
        var url = options.Value.RpcUrl ?? throw new InvalidOperationException("No chain RPC URL is configured.");
        using var response = await http.PostAsJsonAsync(
            url,
            new { jsonrpc = "2.0", id = 1, method, @params = Array.Empty<object>() },
            cancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        if (document.RootElement.TryGetProperty("error", out var error))
        {
            throw new JsonRpcException($"{method} failed: {error}");
        }

        return document.RootElement.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.String
            ? result.GetString()!
            : throw new JsonRpcException($"{method} returned no result.");
    }

    private static long ParseQuantity(string hex) =>
        hex.StartsWith("0x", StringComparison.Ordinal)
        && long.TryParse(hex.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new JsonRpcException($"'{hex}' is not a JSON-RPC quantity.");
}
