namespace OrleansAI.Sdk.Cases;

/// <summary>Fraud cases (<c>/api/cases</c>); listing and deciding disputes need a key with the operator role.</summary>
public sealed class CasesClient
{
    private readonly ApiTransport _api;

    internal CasesClient(ApiTransport api) => _api = api;

    /// <summary>One fraud case with its evidence.</summary>
    public Task<FraudCase> GetAsync(string id, CancellationToken cancellationToken = default) =>
        _api.GetAsync<FraudCase>($"api/cases/{ApiTransport.Segment(id)}", cancellationToken);

    /// <summary>Every provider's cases, newest first, optionally only those in <paramref name="status"/> (operators only).</summary>
    public Task<IReadOnlyList<CaseEntry>> ListAsync(FraudCaseStatus? status = null, int skip = 0, int take = 50, CancellationToken cancellationToken = default)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"api/cases?skip={skip}&take={take}");
        if (status is { } s)
        {
            path += "&status=" + System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(s.ToString());
        }

        return _api.GetAsync<IReadOnlyList<CaseEntry>>(path, cancellationToken);
    }

    /// <summary>Decides a disputed case (operators only): upheld restores the provider's stake, rejected lets the slash stand.</summary>
    /// <param name="id">Case id.</param>
    /// <param name="upheld">Whether the provider was right.</param>
    /// <param name="reason">Why, kept with the case (at most <see cref="CaseResolution.MaxReasonChars"/> characters).</param>
    /// <param name="cancellationToken">Cancels the call (the ruling may still be carried out).</param>
    public Task<FraudCase> ResolveAsync(string id, bool upheld, string reason, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync<FraudCase>(HttpMethod.Post, $"api/cases/{ApiTransport.Segment(id)}/resolution", new CaseResolution(upheld, reason), cancellationToken);
}
