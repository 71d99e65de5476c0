using System.Net;
using System.Text;

namespace OrleansAI.Sdk.Tests;

/// <summary>An HTTP handler that answers from a script and records what it was sent.</summary>
internal sealed class ScriptedHandler(Func<HttpRequestMessage, int, HttpResponseMessage> answer) : HttpMessageHandler
{
    public List<HttpRequestMessage> Requests { get; } = [];

    /// <summary>The body of each request, read as it was sent (the client disposes it afterwards).</summary>
    public List<string?> Bodies { get; } = [];

    /// <summary>The body of each request as bytes.</summary>
    public List<byte[]?> RawBodies { get; } = [];

    public static HttpResponseMessage Json(HttpStatusCode status, string json, string mediaType = "application/json") =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, mediaType) };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var raw = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var body = raw is null ? null : Encoding.UTF8.GetString(raw);
        int index;
        lock (Requests)
        {
            Requests.Add(request);
            Bodies.Add(body);
            RawBodies.Add(raw);
            index = Requests.Count - 1;
        }

        return answer(request, index);
    }
}
