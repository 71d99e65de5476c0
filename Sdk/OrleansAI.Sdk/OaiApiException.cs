using System.Net;

namespace OrleansAI.Sdk;

/// <summary>
/// The API refused a call: the HTTP status with the server's problem details (RFC 9457) or, for the
/// inference protocol, its <c>{"error": ...}</c> message.
/// </summary>
public sealed class OaiApiException : Exception
{
    /// <summary>Creates the exception for a refused call.</summary>
    /// <param name="status">HTTP status.</param>
    /// <param name="title">The problem's title (or the inference error).</param>
    /// <param name="detail">The problem's detail, if any.</param>
    /// <param name="errors">Validation errors by field, if any.</param>
    /// <param name="retryAfter">How long the server asked to wait (429 and 503), if it said.</param>
    public OaiApiException(HttpStatusCode status, string title, string? detail, IReadOnlyDictionary<string, string[]>? errors = null, TimeSpan? retryAfter = null)
        : base(Compose(status, title, detail, errors))
    {
        Status = status;
        Title = title;
        Detail = detail;
        Errors = errors ?? new Dictionary<string, string[]>();
        RetryAfter = retryAfter;
    }

    /// <summary>Creates an exception with only a message (the status is 0).</summary>
    public OaiApiException()
        : this(0, "The call was refused.", null)
    {
    }

    /// <summary>Creates an exception with only a message (the status is 0).</summary>
    /// <param name="message">What went wrong.</param>
    public OaiApiException(string message)
        : this(0, message, null)
    {
    }

    /// <summary>Creates an exception with only a message and its cause (the status is 0).</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public OaiApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Title = message;
        Errors = new Dictionary<string, string[]>();
    }

    /// <summary>HTTP status of the answer.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>Short summary of the problem.</summary>
    public string Title { get; }

    /// <summary>What exactly was wrong, if the server said.</summary>
    public string? Detail { get; }

    /// <summary>Validation errors by field (for example <c>spec</c> or <c>rounds</c>); empty when none.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>How long the server asked the caller to wait before trying again.</summary>
    public TimeSpan? RetryAfter { get; }

    private static string Compose(HttpStatusCode status, string title, string? detail, IReadOnlyDictionary<string, string[]>? errors)
    {
        var text = $"{(int)status} {title}";
        if (!string.IsNullOrEmpty(detail))
        {
            text += $" {detail}";
        }

        if (errors is { Count: > 0 })
        {
            text += " (" + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")) + ")";
        }

        return text;
    }
}
