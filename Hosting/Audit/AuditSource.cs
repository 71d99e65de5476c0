using Microsoft.AspNetCore.Http;

namespace OrleansAI.Hosting.Audit;

/// <summary>Where an audited call came from, as every HTTP host records it.</summary>
public static class AuditSource
{
    /// <summary>The peer's address; the in-memory test server has none.</summary>
    public static string Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Connection.RemoteIpAddress?.ToString() ?? "in-process";
    }
}
