using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansAI.Grains.Interfaces.Datasets;
using OrleansAI.Sdk.Access;

namespace OrleansAI.Api.Apis;

/// <summary>
/// Rights on datasets and model versions for other clients: the owner grants <c>read</c> (see it) or
/// <c>use</c> (also train on the dataset, call the model version) and revokes them; a grantee lists
/// what it received. Every route that reads or uses another client's resource checks these.
/// </summary>
public static class GrantsApi
{
    /// <summary>Maps the grant routes under <c>/api/datasets</c>, <c>/api/models</c> and <c>/api/grants</c>.</summary>
    public static IEndpointRouteBuilder MapGrantsApi(this IEndpointRouteBuilder endpoints)
    {
        var datasets = endpoints.MapGroup("/api/datasets/{sha256}/grants").WithTags("Grants").RequireAuthorization();
        datasets.MapGet("/", (string sha256, HttpContext http, IGrainFactory grains) => ListAsync(DatasetAsync(sha256, http, grains), grains))
            .WithName("ListDatasetGrants").WithSummary("Lists the rights other clients hold on one of the caller's datasets.");
        datasets.MapPut("/{grantee}", (string sha256, string grantee, GrantRequest request, HttpContext http, IGrainFactory grains, ResourceAccess access, TimeProvider clock) =>
                GrantAsync(DatasetAsync(sha256, http, grains), grantee, request, http, grains, access, clock))
            .WithName("GrantDataset").WithSummary("Gives another client read or use (train on it) of one of the caller's datasets, or changes it.");
        datasets.MapDelete("/{grantee}", (string sha256, string grantee, HttpContext http, IGrainFactory grains, ResourceAccess access) =>
                RevokeAsync(DatasetAsync(sha256, http, grains), grantee, http, grains, access))
            .WithName("RevokeDataset").WithSummary("Takes another client's right on one of the caller's datasets away; jobs already running keep their data.");

        var models = endpoints.MapGroup("/api/models/{name}/versions/{version:int}/grants").WithTags("Grants").RequireAuthorization();
        models.MapGet("/", (string name, int version, HttpContext http, IGrainFactory grains) => ListAsync(ModelVersionAsync(name, version, http, grains), grains))
            .WithName("ListModelGrants").WithSummary("Lists the rights other clients hold on one of the caller's model versions.");
        models.MapPut("/{grantee}", (string name, int version, string grantee, GrantRequest request, HttpContext http, IGrainFactory grains, ResourceAccess access, TimeProvider clock) =>
                GrantAsync(ModelVersionAsync(name, version, http, grains), grantee, request, http, grains, access, clock))
            .WithName("GrantModelVersion")
            .WithSummary("Gives another client read (metadata, provenance, deployment) or use (also inference as OWNER.MODEL) of one of the caller's model versions, or changes it.");
        models.MapDelete("/{grantee}", (string name, int version, string grantee, HttpContext http, IGrainFactory grains, ResourceAccess access) =>
                RevokeAsync(ModelVersionAsync(name, version, http, grains), grantee, http, grains, access))
            .WithName("RevokeModelVersion").WithSummary("Takes another client's right on one of the caller's model versions away (inference stops within seconds).");

        endpoints.MapGet("/api/grants", ReceivedAsync).WithTags("Grants").RequireAuthorization()
            .WithName("ListReceivedGrants").WithSummary("Lists the rights other clients gave the caller, newest first.");
        return endpoints;
    }

    // The caller's own dataset, or null (unknown, or a malformed hash).
    private static async Task<AccessResource?> DatasetAsync(string sha256, HttpContext http, IGrainFactory grains)
    {
        var owner = http.User.ClientId();
        return ContentReference.IsSha256(sha256) && await grains.GetGrain<IClientDatasetsGrain>(owner).GetAsync(sha256) is not null
            ? AccessResource.Dataset(owner, sha256)
            : null;
    }

    // The caller's own model version, or null.
    private static async Task<AccessResource?> ModelVersionAsync(string name, int version, HttpContext http, IGrainFactory grains)
    {
        var owner = http.User.ClientId();
        return ModelsApi.IsName(name) && version is > 0 and <= 10_000
            && await grains.GetGrain<IModelVersionGrain>(ModelKeys.Version(owner, name, version)).GetAsync() is not null
            ? AccessResource.ModelVersion(owner, name, version)
            : null;
    }

    private static async Task<Results<Ok<IReadOnlyList<GrantView>>, ProblemHttpResult>> ListAsync(Task<AccessResource?> owned, IGrainFactory grains)
    {
        if (await owned is not { } resource)
        {
            return NotYours();
        }

        var grants = await grains.GetGrain<IResourceAccessGrain>(resource.Key).ListAsync();
        return TypedResults.Ok<IReadOnlyList<GrantView>>([.. grants.Select(GrantWire.View)]);
    }

    private static async Task<Results<Ok<GrantView>, ValidationProblem, ProblemHttpResult>> GrantAsync(
        Task<AccessResource?> owned, string grantee, GrantRequest request, HttpContext http, IGrainFactory grains, ResourceAccess access, TimeProvider clock)
    {
        if (await owned is not { } resource)
        {
            return NotYours();
        }

        var errors = new Dictionary<string, string[]>();
        if (!AccessGrants.IsClientId(grantee) || grantee == resource.Owner)
        {
            errors["grantee"] = ["Another client's id (1-64 characters, no '/')."];
        }

        if (AccessGrants.Parse(request?.Rights) is not { } rights)
        {
            errors["rights"] = ["'read' or 'use'."];
            rights = AccessRights.None;
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The grant was refused.");
        }

        try
        {
            var grant = await grains.GetGrain<IResourceAccessGrain>(resource.Key).GrantAsync(resource, grantee, rights, clock.GetUtcNow());
            access.Record(http, AuditActions.GrantGive, resource, allowed: true, $"{AccessGrants.Name(rights)} to {grantee}");
            return TypedResults.Ok(GrantWire.View(grant));
        }
        catch (InvalidOperationException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "The grant was refused.");
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        Task<AccessResource?> owned, string grantee, HttpContext http, IGrainFactory grains, ResourceAccess access)
    {
        if (await owned is not { } resource)
        {
            return NotYours();
        }

        if (!AccessGrants.IsClientId(grantee) || !await grains.GetGrain<IResourceAccessGrain>(resource.Key).RevokeAsync(grantee))
        {
            return TypedResults.Problem($"'{grantee}' holds no right here.", statusCode: StatusCodes.Status404NotFound, title: "Grant not found.");
        }

        access.Record(http, AuditActions.GrantRevoke, resource, allowed: true, $"from {grantee}");
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<GrantView>>> ReceivedAsync(ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok<IReadOnlyList<GrantView>>([.. (await grains.GetGrain<IClientGrantsGrain>(user.ClientId()).ListAsync()).Select(GrantWire.View)]);

    private static ProblemHttpResult NotYours() =>
        TypedResults.Problem("Only a dataset or model version of your own can be granted; this one is not yours or does not exist.",
            statusCode: StatusCodes.Status404NotFound, title: "Not found.");
}
