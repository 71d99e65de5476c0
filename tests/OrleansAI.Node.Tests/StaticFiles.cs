using System.Net;

namespace OrleansAI.Node.Tests;

/// <summary>An HTTP handler serving fixed bytes per URL, counting requests: a blob store's read URLs without the store.</summary>
internal sealed class StaticFiles(IReadOnlyDictionary<string, byte[]> files) : HttpMessageHandler
{
    private int _requests;

    public int Requests => Volatile.Read(ref _requests);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        return Task.FromResult(files.TryGetValue(request.RequestUri!.AbsoluteUri, out var bytes)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) }
            : new HttpResponseMessage(HttpStatusCode.NotFound));
    }
}
