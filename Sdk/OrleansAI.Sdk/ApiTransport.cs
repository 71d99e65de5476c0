using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;

namespace OrleansAI.Sdk;

/// <summary>Sends the client's calls and turns refusals into <see cref="OaiApiException"/>.</summary>
internal sealed class ApiTransport(HttpClient http, string? apiKey)
{
    /// <summary>Largest error body read to describe a refusal; a hostile server cannot make the client buffer more.</summary>
    private const int MaxErrorBodyBytes = 64 * 1024;

    public HttpClient Http { get; } = http;

    /// <summary>How long a request/response call may take (event streams and uploads are not bounded); infinite to turn it off.</summary>
    public TimeSpan RequestTimeout { get; set; } = OaiClient.DefaultRequestTimeout;

    public async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendAsync<T>(request, cancellationToken).ConfigureAwait(false);
    }

    public async Task<T> SendJsonAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: OaiJson.Options);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }

        return await SendAsync<T>(request, cancellationToken).ConfigureAwait(false);
    }

    public Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken, bool bounded = true) =>
        SendAndReadAsync(request, async (response, token) =>
            await response.Content.ReadFromJsonAsync<T>(OaiJson.Options, token).ConfigureAwait(false)
                ?? throw new OaiApiException(response.StatusCode, "The server answered with an empty body.", request.RequestUri?.ToString()),
            bounded, cancellationToken);

    /// <summary>Sends a DELETE and expects no body back.</summary>
    public async Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, path);
        await SendAndReadAsync(request, (_, _) => Task.FromResult(true), bounded: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends <paramref name="request"/> (bounded like <see cref="SendAsync{T}"/>) and reads the answer with <paramref name="read"/> from its bytes and the response.</summary>
    public Task<T> SendForBytesAsync<T>(HttpRequestMessage request, Func<byte[], HttpResponseMessage, T> read, CancellationToken cancellationToken) =>
        SendAndReadAsync(request, async (response, token) => read(await response.Content.ReadAsByteArrayAsync(token).ConfigureAwait(false), response), bounded: true, cancellationToken);

    private async Task<T> SendAndReadAsync<T>(HttpRequestMessage request, Func<HttpResponseMessage, CancellationToken, Task<T>> read, bool bounded, CancellationToken cancellationToken)
    {
        using var call = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (bounded && RequestTimeout != Timeout.InfiniteTimeSpan)
        {
            call.CancelAfter(RequestTimeout);
        }

        try
        {
            using var response = await SendRawAsync(request, call.Token).ConfigureAwait(false);
            await EnsureSuccessAsync(response, call.Token).ConfigureAwait(false);
            return await read(response, call.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The caller did not cancel: the server took too long.
            throw new TimeoutException($"{request.Method} {request.RequestUri} did not answer within {RequestTimeout.TotalSeconds:0.#} s.", ex);
        }
    }

    /// <summary>Sends <paramref name="request"/> with the client's key; the caller reads (and disposes) the answer.</summary>
    public Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Per request rather than on the HttpClient's defaults: a shared HttpClient may serve other keys.
        if (apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    /// <summary>Reads a server-sent event stream of JSON payloads until the server ends it.</summary>
    public async IAsyncEnumerable<T> StreamAsync<T>(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await SendRawAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            var parser = SseParser.Create(body, (_, data) => JsonSerializer.Deserialize<T>(data, OaiJson.Options));
            await foreach (var item in parser.EnumerateAsync(cancellationToken).ConfigureAwait(false))
            {
                if (item.Data is { } value)
                {
                    yield return value;
                }
            }
        }
    }

    /// <summary>Throws <see cref="OaiApiException"/> with the server's reasons unless the answer is a success.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => (TimeSpan?)null,
        };
        var (title, detail, errors) = await ReadProblemAsync(response, cancellationToken).ConfigureAwait(false);
        throw new OaiApiException(response.StatusCode, title ?? (response.ReasonPhrase ?? response.StatusCode.ToString()), detail, errors, retryAfter);
    }

    private static async Task<(string? Title, string? Detail, Dictionary<string, string[]>? Errors)> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var media = response.Content.Headers.ContentType?.MediaType;
        if (media is null || !media.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, null, null);
        }

        var bytes = await ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null, null);
            }

            // The inference protocol answers {"error": "..."}; everything else answers problem details.
            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
            {
                return (error.GetString(), null, null);
            }

            Dictionary<string, string[]>? errors = null;
            if (root.TryGetProperty("errors", out var fields) && fields.ValueKind == JsonValueKind.Object)
            {
                errors = [];
                foreach (var field in fields.EnumerateObject())
                {
                    errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                        ? [.. field.Value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() ?? string.Empty : e.GetRawText())]
                        : [field.Value.ToString()];
                }
            }

            return (Text(root, "title"), Text(root, "detail"), errors);
        }
        catch (JsonException)
        {
            return (null, null, null);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static async Task<byte[]> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[8192];
            int read;
            while (buffer.Length < MaxErrorBodyBytes && (read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, MaxErrorBodyBytes - buffer.Length)), cancellationToken).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    /// <summary>Escapes one path segment (names, ids and addresses come from callers).</summary>
    public static string Segment(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return Uri.EscapeDataString(value);
    }
}
