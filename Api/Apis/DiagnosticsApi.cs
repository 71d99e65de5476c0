using Microsoft.AspNetCore.Http.HttpResults;
using OrleansAI.Api.Diagnostics;

namespace OrleansAI.Api.Apis;

/// <summary>Operator-only endpoints that prove the platform's moving parts work together.</summary>
public static class DiagnosticsApi
{
    /// <summary>Maps <c>/api/diagnostics</c>.</summary>
    public static IEndpointRouteBuilder MapDiagnosticsApi(this IEndpointRouteBuilder endpoints)
    {
        // Each run writes to PostgreSQL, the blob store and the chain: operators only.
        var group = endpoints.MapGroup("/api/diagnostics").WithTags("Diagnostics").RequireAuthorization(ClientKey.OperatorRole);
        group.MapPost("/smoke", RunSmokeAsync)
            .WithName("RunSmokeCheck")
            .WithSummary("Runs a round trip through the cluster, grain storage, the blob store and the chain.")
            .WithDescription("Writes a probe grain's state, writes and reads back one fixed 4 KiB blob, and reads the chain id and block number. 200 when every step works, 503 with the same report otherwise.");
        return endpoints;
    }

    private static async Task<Results<Ok<SmokeReport>, JsonHttpResult<SmokeReport>>> RunSmokeAsync(
        SmokeCheck check,
        CancellationToken cancellationToken)
    {
        var report = await check.RunAsync(cancellationToken);
        return report.Ok
            ? TypedResults.Ok(report)
            : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
