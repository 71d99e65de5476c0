using System.Net.Http.Headers;

namespace OrleansAI.Sdk.Datasets;

/// <summary>The caller's datasets for data-parallel training and root datasets (<c>/api/datasets</c>).</summary>
public sealed class DatasetsClient
{
    private readonly ApiTransport _api;

    internal DatasetsClient(ApiTransport api) => _api = api;

    /// <summary>Uploads a dataset file (docs/architecture.md describes the format); the server checks it before keeping it.</summary>
    /// <param name="content">The file's bytes; read to the end, not disposed.</param>
    /// <param name="name">Display name (1-100 characters); the server names it by hash otherwise.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    public async Task<Dataset> UploadAsync(Stream content, string? name = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        // Not disposed here: disposing the message would dispose its content and with it the caller's
        // stream (HttpClient itself leaves request content alone).
        var request = new HttpRequestMessage(HttpMethod.Post, name is null ? "api/datasets" : $"api/datasets?name={Uri.EscapeDataString(name)}");
        request.Content = new StreamContent(content);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        // An upload takes as long as the file needs: only the caller's token bounds it.
        return await _api.SendAsync<Dataset>(request, cancellationToken, bounded: false).ConfigureAwait(false);
    }

    /// <summary>Uploads the dataset file at <paramref name="path"/>.</summary>
    public async Task<Dataset> UploadFileAsync(string path, string? name = null, CancellationToken cancellationToken = default)
    {
        var file = File.OpenRead(path);
        await using (file.ConfigureAwait(false))
        {
            return await UploadAsync(file, name, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The caller's datasets, newest first.</summary>
    public Task<IReadOnlyList<Dataset>> ListAsync(CancellationToken cancellationToken = default) =>
        _api.GetAsync<IReadOnlyList<Dataset>>("api/datasets", cancellationToken);

    /// <summary>One of the caller's datasets by its SHA-256.</summary>
    public Task<Dataset> GetAsync(string sha256, CancellationToken cancellationToken = default) =>
        _api.GetAsync<Dataset>($"api/datasets/{ApiTransport.Segment(sha256)}", cancellationToken);
}
