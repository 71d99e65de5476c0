using OrleansAI.Sdk.Cases;

namespace OrleansAI.Sdk.Providers;

/// <summary>The network's compute providers (<c>/api/providers</c>).</summary>
public sealed class ProvidersClient
{
    private readonly ApiTransport _api;

    internal ProvidersClient(ApiTransport api) => _api = api;

    /// <summary>One page of the providers online now, with their capabilities and reputation.</summary>
    public Task<ProviderPage> ListAsync(int skip = 0, int take = 100, CancellationToken cancellationToken = default) =>
        _api.GetAsync<ProviderPage>(string.Create(CultureInfo.InvariantCulture, $"api/providers?skip={skip}&take={take}"), cancellationToken);

    /// <summary>One provider's record: status, work, reputation, suspicions and fraud cases.</summary>
    public Task<ProviderDetail> GetAsync(string address, CancellationToken cancellationToken = default) =>
        _api.GetAsync<ProviderDetail>($"api/providers/{ApiTransport.Segment(address)}", cancellationToken);

    /// <summary>A provider's stake as the platform's chain mirror sees it.</summary>
    public Task<StakeView> GetStakeAsync(string address, CancellationToken cancellationToken = default) =>
        _api.GetAsync<StakeView>($"api/providers/{ApiTransport.Segment(address)}/stake", cancellationToken);

    /// <summary>The fraud cases against a provider.</summary>
    public Task<IReadOnlyList<FraudCase>> ListCasesAsync(string address, CancellationToken cancellationToken = default) =>
        _api.GetAsync<IReadOnlyList<FraudCase>>($"api/providers/{ApiTransport.Segment(address)}/cases", cancellationToken);
}
