namespace OrleansAI.Sdk.Models;

/// <summary>The caller's trained models and their deployments (<c>/api/models</c>).</summary>
public sealed class ModelsClient
{
    private readonly ApiTransport _api;

    internal ModelsClient(ApiTransport api) => _api = api;

    /// <summary>The caller's models with their latest versions.</summary>
    public Task<IReadOnlyList<ModelView>> ListAsync(CancellationToken cancellationToken = default) =>
        _api.GetAsync<IReadOnlyList<ModelView>>("api/models", cancellationToken);

    /// <summary>One of the caller's models.</summary>
    public Task<ModelView> GetAsync(string name, CancellationToken cancellationToken = default) =>
        _api.GetAsync<ModelView>($"api/models/{ApiTransport.Segment(name)}", cancellationToken);

    /// <summary>A version with its provenance: job, rounds, initial weights and every result that shaped it.</summary>
    public Task<ModelVersionView> GetVersionAsync(string name, int version, CancellationToken cancellationToken = default) =>
        _api.GetAsync<ModelVersionView>(VersionPath(name, version), cancellationToken);

    /// <summary>Deploys a version for inference (or changes how it is served); every setting is optional.</summary>
    public Task<DeploymentView> DeployAsync(string name, int version, DeploymentRequest? settings = null, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync<DeploymentView>(HttpMethod.Put, VersionPath(name, version) + "/deployment", settings ?? new DeploymentRequest(), cancellationToken);

    /// <summary>A version's deployment: its nodes and the disagreements between them.</summary>
    public Task<DeploymentView> GetDeploymentAsync(string name, int version, CancellationToken cancellationToken = default) =>
        _api.GetAsync<DeploymentView>(VersionPath(name, version) + "/deployment", cancellationToken);

    /// <summary>Takes a version out of service.</summary>
    public Task<DeploymentView> UndeployAsync(string name, int version, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync<DeploymentView>(HttpMethod.Delete, VersionPath(name, version) + "/deployment", null, cancellationToken);

    /// <summary>
    /// Deploys a version and waits until it is ready to serve.
    /// </summary>
    /// <exception cref="TimeoutException">It was not ready within <paramref name="timeout"/>.</exception>
    public async Task<DeploymentView> DeployAndWaitAsync(string name, int version, DeploymentRequest? settings, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deployment = await DeployAsync(name, version, settings, cancellationToken).ConfigureAwait(false);
        var until = DateTimeOffset.UtcNow + timeout;
        while (deployment.Status != DeploymentStatus.Ready)
        {
            if (DateTimeOffset.UtcNow > until)
            {
                throw new TimeoutException($"Version {version} of '{name}' was still {deployment.Status} after {timeout}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
            deployment = await GetDeploymentAsync(name, version, cancellationToken).ConfigureAwait(false);
        }

        return deployment;
    }

    private static string VersionPath(string name, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"api/models/{ApiTransport.Segment(name)}/versions/{version}");
}
