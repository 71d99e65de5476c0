namespace OrleansAI.Testing.Network;

/// <summary>
/// The test server answers with the HTTP version of the request it got, as Kestrel would over
/// HTTP/2; gRPC checks it.
/// </summary>
public sealed class ResponseVersionHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        response.Version = request.Version;
        return response;
    }
}
