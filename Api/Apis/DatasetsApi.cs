using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrleansAI.Grains.Interfaces.Datasets;
using OrleansAI.Sdk.Datasets;
using OrleansAI.Models.Data;

namespace OrleansAI.Api.Apis;

/// <summary>
/// Client datasets for data-parallel jobs: upload one dataset file (safetensors <c>features</c> and
/// <c>labels</c>, see docs/protocol.md), list and read them. A dataset is visible to, and trainable
/// by, the client that uploaded it and the clients it granted <c>read</c> or <c>use</c> (GrantsApi).
/// </summary>
public static class DatasetsApi
{
    /// <summary>Largest dataset accepted, unless <c>Datasets:MaxBytes</c> says otherwise.</summary>
    public const long DefaultMaxBytes = 256L * 1024 * 1024;

    /// <summary>Maps <c>/api/datasets</c>.</summary>
    public static IEndpointRouteBuilder MapDatasetsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/datasets").WithTags("Datasets").RequireAuthorization();
        group.MapPost("/", UploadAsync).RequireRateLimiting(ClientRateLimits.Uploads)
            .WithName("UploadDataset")
            .WithSummary("Uploads a dataset file for data-parallel jobs.")
            .WithDescription("The body is the file itself (application/octet-stream). It is checked in full; 400 names what is wrong, 413 when it is too large.")
            .WithMetadata(new DisableRequestSizeLimitAttribute());
        group.MapGet("/", ListAsync).WithName("ListDatasets").WithSummary("Lists the caller's datasets, newest first.");
        group.MapGet("/{sha256}", GetAsync).WithName("GetDataset")
            .WithSummary("Reads one of the caller's datasets by hash, or with ?owner= one another client granted the caller.");
        return endpoints;
    }

    private static async Task<Results<Created<Dataset>, ProblemHttpResult, ValidationProblem>> UploadAsync(
        HttpContext http, ClaimsPrincipal user, IGrainFactory grains, IServiceProvider services, IConfiguration configuration, TimeProvider clock, ResourceAccess access, string? name = null)
    {
        if (name is { Length: 0 or > 100 })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["1 to 100 characters."] });
        }

        if (services.GetService<IContentStore>() is not { } store)
        {
            return TypedResults.Problem("No blob store is configured.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Datasets are unavailable.");
        }

        var limit = configuration.GetValue("Datasets:MaxBytes", DefaultMaxBytes);
        if (http.Request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        // Spooled to a temporary file (deleted on close) while the size limit is enforced, whatever
        // Content-Length claimed; checked in one streaming pass and stored from the file, so an
        // upload holds one buffer in memory, not its body.
        await using var body = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var buffer = new byte[81920];
        int read;
        while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0)
        {
            if (body.Length + read > limit)
            {
                return TooLarge(limit);
            }

            await body.WriteAsync(buffer.AsMemory(0, read), http.RequestAborted);
        }

        DatasetSummary data;
        try
        {
            body.Position = 0;
            data = await DatasetFile.InspectAsync(body, body.Length, http.RequestAborted);
        }
        catch (InvalidDataException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [ex.Message] }, title: "The dataset was refused.");
        }

        body.Position = 0;
        var stored = await store.PutAsync(body, http.RequestAborted);
        try
        {
            var record = await grains.GetGrain<IClientDatasetsGrain>(user.ClientId()).AddAsync(
                new DatasetRecord(stored.Sha256, stored.Length, name ?? $"dataset-{stored.Sha256[..8]}", data.Count, [.. data.ExampleShape], data.Classes, clock.GetUtcNow()));
            access.Record(http, AuditActions.DatasetUpload, AccessResource.Dataset(user.ClientId(), record.Sha256), allowed: true, $"{record.Length} bytes");
            return TypedResults.Created($"/api/datasets/{record.Sha256}", DatasetWire.View(record));
        }
        catch (InvalidOperationException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "The dataset was refused.");
        }
    }

    private static async Task<Ok<IReadOnlyList<Dataset>>> ListAsync(ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok<IReadOnlyList<Dataset>>([.. (await grains.GetGrain<IClientDatasetsGrain>(user.ClientId()).ListAsync()).Select(DatasetWire.View)]);

    private static async Task<Results<Ok<Dataset>, ProblemHttpResult>> GetAsync(
        string sha256, HttpContext http, ClaimsPrincipal user, IGrainFactory grains, ResourceAccess access, string? owner = null)
    {
        var caller = user.ClientId();
        owner ??= caller;
        if (!ContentReference.IsSha256(sha256) || !AccessGrants.IsClientId(owner))
        {
            return NotFound(sha256);
        }

        var resource = AccessResource.Dataset(owner, sha256);
        // Another client's dataset answers exactly as a missing one unless it was granted: nobody
        // learns what others hold by asking.
        if (!await access.AllowsAsync(http, caller, resource, AccessRights.Read, AuditActions.DatasetRead))
        {
            return NotFound(sha256);
        }

        var record = await grains.GetGrain<IClientDatasetsGrain>(owner).GetAsync(sha256);
        if (record is null)
        {
            return NotFound(sha256);
        }

        access.Record(http, AuditActions.DatasetRead, resource, allowed: true);
        return TypedResults.Ok(DatasetWire.View(record));
    }

    private static ProblemHttpResult NotFound(string sha256) =>
        TypedResults.Problem($"No dataset '{sha256}' belongs to you or was shared with you.", statusCode: StatusCodes.Status404NotFound, title: "Dataset not found.");

    private static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem($"A dataset may be at most {limit} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "The dataset is too large.");
}
