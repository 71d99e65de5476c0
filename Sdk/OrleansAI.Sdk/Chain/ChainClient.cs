namespace OrleansAI.Sdk.Chain;

/// <summary>The platform's view of the chain (<c>/api/chain</c>).</summary>
public sealed class ChainClient
{
    private readonly ApiTransport _api;

    internal ChainClient(ApiTransport api) => _api = api;

    /// <summary>How far the platform's chain mirror has read, and what it holds.</summary>
    public Task<ChainStatusView> GetStatusAsync(CancellationToken cancellationToken = default) =>
        _api.GetAsync<ChainStatusView>("api/chain", cancellationToken);
}
