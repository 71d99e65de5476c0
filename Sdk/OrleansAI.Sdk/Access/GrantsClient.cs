namespace OrleansAI.Sdk.Access;

/// <summary>
/// Rights on the caller's datasets and model versions for other clients, and the rights others gave
/// the caller (<c>/api/datasets/{sha}/grants</c>, <c>/api/models/{name}/versions/{v}/grants</c>, <c>/api/grants</c>).
/// </summary>
public sealed class GrantsClient
{
    private readonly ApiTransport _api;

    internal GrantsClient(ApiTransport api) => _api = api;

    /// <summary>Gives <paramref name="grantee"/> <paramref name="rights"/> (<c>read</c> or <c>use</c>) on one of the caller's datasets, or changes it.</summary>
    public Task<GrantView> GrantDatasetAsync(string sha256, string grantee, string rights, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync<GrantView>(HttpMethod.Put, $"{DatasetPath(sha256)}/{ApiTransport.Segment(grantee)}", new GrantRequest(rights), cancellationToken);

    /// <summary>Takes <paramref name="grantee"/>'s right on one of the caller's datasets away.</summary>
    public Task RevokeDatasetAsync(string sha256, string grantee, CancellationToken cancellationToken = default) =>
        _api.DeleteAsync($"{DatasetPath(sha256)}/{ApiTransport.Segment(grantee)}", cancellationToken);

    /// <summary>The grants on one of the caller's datasets.</summary>
    public Task<IReadOnlyList<GrantView>> ListDatasetAsync(string sha256, CancellationToken cancellationToken = default) =>
        _api.GetAsync<IReadOnlyList<GrantView>>(DatasetPath(sha256), cancellationToken);

    /// <summary>Gives <paramref name="grantee"/> <paramref name="rights"/> (<c>read</c> or <c>use</c>) on one of the caller's model versions, or changes it.</summary>
    public Task<GrantView> GrantModelAsync(string model, int version, string grantee, string rights, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync<GrantView>(HttpMethod.Put, $"{ModelPath(model, version)}/{ApiTransport.Segment(grantee)}", new GrantRequest(rights), cancellationToken);

    /// <summary>Takes <paramref name="grantee"/>'s right on one of the caller's model versions away.</summary>
    public Task RevokeModelAsync(string model, int version, string grantee, CancellationToken cancellationToken = default) =>
        _api.DeleteAsync($"{ModelPath(model, version)}/{ApiTransport.Segment(grantee)}", cancellationToken);

    /// <summary>The grants on one of the caller's model versions.</summary>
    public Task<IReadOnlyList<GrantView>> ListModelAsync(string model, int version, CancellationToken cancellationToken = default) =>
        _api.GetAsync<IReadOnlyList<GrantView>>(ModelPath(model, version), cancellationToken);

    /// <summary>What other clients granted the caller, newest first.</summary>
    public Task<IReadOnlyList<GrantView>> ReceivedAsync(CancellationToken cancellationToken = default) =>
        _api.GetAsync<IReadOnlyList<GrantView>>("api/grants", cancellationToken);

    private static string DatasetPath(string sha256) => $"api/datasets/{ApiTransport.Segment(sha256)}/grants";

    private static string ModelPath(string model, int version) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"api/models/{ApiTransport.Segment(model)}/versions/{version}/grants");
}
