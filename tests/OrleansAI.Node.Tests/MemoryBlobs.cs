using System.Collections.Concurrent;
using System.Net;

namespace OrleansAI.Node.Tests;

/// <summary>An HTTP handler standing in for the blob store's read and write URLs: GET what is held, PUT to hold.</summary>
internal sealed class MemoryBlobs : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);

    public byte[]? this[string url]
    {
        get => _blobs.TryGetValue(url, out var bytes) ? bytes : null;
        set => _blobs[url] = value ?? throw new ArgumentNullException(nameof(value));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.AbsoluteUri;
        if (request.Method == HttpMethod.Put)
        {
            _blobs[url] = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.Created);
        }

        return _blobs.TryGetValue(url, out var bytes)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) }
            : new HttpResponseMessage(HttpStatusCode.NotFound);
    }
}
