using System.Net;

namespace OrleansAI.Sdk.Inference;

/// <summary>Calls deployed models through the Open Inference Protocol (KServe v2) under <c>/v2</c>.</summary>
public sealed class InferenceClient
{
    private readonly ApiTransport _api;

    internal InferenceClient(ApiTransport api) => _api = api;

    /// <summary>The metadata of model <paramref name="name"/> (its newest deployed version, or <paramref name="version"/>).</summary>
    public Task<ModelMetadata> GetMetadataAsync(string name, int? version = null, CancellationToken cancellationToken = default) =>
        _api.GetAsync<ModelMetadata>(ModelPath(name, version), cancellationToken);

    /// <summary>Whether the model has a node ready to serve it.</summary>
    public async Task<bool> IsReadyAsync(string name, int? version = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ModelPath(name, version) + "/ready");
        using var response = await _api.SendRawAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            return false;
        }

        await ApiTransport.EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Runs <paramref name="request"/> on model <paramref name="name"/>.</summary>
    /// <exception cref="OaiApiException">The server refused it (the protocol's error message is the title; 429 and 503 carry <see cref="OaiApiException.RetryAfter"/>).</exception>
    public Task<InferenceResponse> InferAsync(string name, InferenceRequest request, int? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _api.SendJsonAsync<InferenceResponse>(HttpMethod.Post, ModelPath(name, version) + "/infer", request, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="request"/> with the binary tensor extension: inputs and outputs travel as
    /// raw little-endian bytes instead of JSON numbers (read them with <see cref="InferenceOutput.ToSingles"/>
    /// and <see cref="InferenceOutput.ToInt64s"/>). Inputs must hold float, double, int, long or byte arrays.
    /// </summary>
    public async Task<InferenceResponse> InferBinaryAsync(string name, InferenceRequest request, int? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(HttpMethod.Post, ModelPath(name, version) + "/infer") { Content = BinaryTensors.Encode(request) };
        return await _api.SendForBytesAsync(message, (body, response) => BinaryTensors.Decode(body, BinaryTensors.AnnouncedLength(response)), cancellationToken).ConfigureAwait(false);
    }

    private static string ModelPath(string name, int? version) =>
        version is { } v
            ? $"v2/models/{ApiTransport.Segment(name)}/versions/{v.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
            : $"v2/models/{ApiTransport.Segment(name)}";
}
