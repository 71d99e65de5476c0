using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansAI.Hosting.Audit;
using OrleansAI.Sdk.Audit;

namespace OrleansAI.Api.Apis;

/// <summary>
/// The audit log: every access to the caller's datasets, model versions and results, by anyone,
/// allowed or refused. Clients read their own entries; operators read anyone's (owner
/// <c>platform</c> holds the uses of the platform's key material).
/// </summary>
public static class AuditApi
{
    /// <summary>Maps <c>/api/audit</c>.</summary>
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/audit", QueryAsync).WithTags("Audit").RequireAuthorization()
            .WithName("QueryAudit")
            .WithSummary("Reads the audit log of accesses to the caller's resources, newest first; filters: resource, action, actor, allowed, since, until, before (paging), limit (1-1000), owner (operators).");
        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditEntry>>, ValidationProblem, ProblemHttpResult>> QueryAsync(
        ClaimsPrincipal user, IAuditStore store, AuditWriter writer, CancellationToken cancellationToken,
        string? resource = null, string? action = null, string? actor = null, bool? allowed = null,
        DateTimeOffset? since = null, DateTimeOffset? until = null, long? before = null, int limit = 100, string? owner = null)
    {
        var caller = user.ClientId();
        var isOperator = user.IsInRole(ClientKey.OperatorRole);
        if (owner is not null && owner != caller && !isOperator)
        {
            return TypedResults.Problem("Only operators read other owners' entries.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.");
        }

        var errors = new Dictionary<string, string[]>();
        if (limit is < 1 or > 1000)
        {
            errors["limit"] = ["Between 1 and 1000."];
        }

        foreach (var (name, value, max) in new[] { ("resource", resource, 300), ("action", action, 64), ("actor", actor, 200), ("owner", owner, 64) })
        {
            if (value is { Length: 0 } || value?.Length > max)
            {
                errors[name] = [$"1 to {max} characters."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The query was refused.");
        }

        // This instance's recent entries are written first, so a caller sees what it just did.
        await writer.FlushAsync(cancellationToken);
        var records = await store.QueryAsync(
            new AuditQuery(owner ?? (isOperator ? null : caller), resource, action, actor, allowed, since, until, before, limit), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AuditEntry>>([.. records.Select(AuditWire.View)]);
    }
}
