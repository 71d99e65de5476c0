namespace OrleansAI.Sdk.Audit;

/// <summary>Which audit entries to read; every filter is optional.</summary>
public sealed record AuditFilter
{
    /// <summary>Only this resource.</summary>
    public string? Resource { get; init; }

    /// <summary>Only this action.</summary>
    public string? Action { get; init; }

    /// <summary>Only this actor.</summary>
    public string? Actor { get; init; }

    /// <summary>Only allowed (true) or refused (false) accesses.</summary>
    public bool? Allowed { get; init; }

    /// <summary>Only entries whose last access is at or after this.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only entries whose first access is before this.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Only entries older than this id (the next page).</summary>
    public long? Before { get; init; }

    /// <summary>At most this many (1-1000; the server's default is 100).</summary>
    public int? Limit { get; init; }

    /// <summary>Operators only: whose entries (a client id, or <c>platform</c> for key material); the caller's own otherwise.</summary>
    public string? Owner { get; init; }
}
