using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansAI.Sdk.Models;
using DeploymentSettings = OrleansAI.Grains.Interfaces.Inference.DeploymentSettings;
using DeploymentStatus = OrleansAI.Grains.Interfaces.Inference.DeploymentStatus;

namespace OrleansAI.Api.Apis;

/// <summary>
/// Registered models and their versions with provenance. Each client sees its own; a version another
/// client granted it <c>read</c> or <c>use</c> on is read with <c>?owner=</c>. Only the owner deploys.
/// </summary>
public static class ModelsApi
{
    /// <summary>Maps <c>/api/models</c>.</summary>
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/models").WithTags("Models").RequireAuthorization();
        group.MapGet("/", ListAsync).WithName("ListModels").WithSummary("Lists the caller's models with their latest version.");
        group.MapGet("/{name}", GetAsync).WithName("GetModel").WithSummary("Reads one of the caller's models.");
        group.MapGet("/{name}/versions/{version:int}", GetVersionAsync).WithName("GetModelVersion")
            .WithSummary("Reads a model version: weights hash, metrics and provenance (job, rounds, contributing providers and their result hashes); ?owner= reads one shared with the caller.");
        group.MapPut("/{name}/versions/{version:int}/deployment", DeployAsync).WithName("DeployModelVersion")
            .WithSummary("Deploys a model version for inference (or changes how it is served): its ONNX file is exported once and serving nodes are asked to load it.");
        group.MapGet("/{name}/versions/{version:int}/deployment", GetDeploymentAsync).WithName("GetDeployment")
            .WithSummary("Reads a model version's deployment: its nodes and their states, and the disagreements recorded between them; ?owner= reads one shared with the caller.");
        group.MapDelete("/{name}/versions/{version:int}/deployment", UndeployAsync).WithName("UndeployModelVersion")
            .WithSummary("Takes a model version down; its nodes drop it.");
        return endpoints;
    }

    private static async Task<Results<Ok<DeploymentView>, ProblemHttpResult>> DeployAsync(
        string name, int version, DeploymentRequest? request, HttpContext http, ClaimsPrincipal user, IGrainFactory grains, ResourceAccess access)
    {
        var key = IsName(name) && version is > 0 and <= 10_000 ? ModelKeys.Version(user.ClientId(), name, version) : null;
        if (key is null || await grains.GetGrain<IModelVersionGrain>(key).GetAsync() is null)
        {
            return NotFound($"No version {version} of a model '{name}' belongs to you.");
        }

        var defaults = new DeploymentSettings();
        var settings = new DeploymentSettings(
            request?.Replicas ?? defaults.Replicas,
            request?.Replication ?? defaults.Replication,
            request?.AuditRate ?? defaults.AuditRate,
            request?.Tolerance ?? defaults.Tolerance,
            request?.VerifyRate ?? defaults.VerifyRate);
        if (settings.Problem() is { } problem)
        {
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "Invalid deployment settings.");
        }

        try
        {
            var deployment = await grains.GetGrain<IModelDeploymentGrain>(key).DeployAsync(settings);
            access.Record(http, AuditActions.ModelDeploy, AccessResource.ModelVersion(user.ClientId(), name, version), allowed: true,
                string.Create(CultureInfo.InvariantCulture, $"{settings.Replicas} replicas"));
            return TypedResults.Ok(ModelWire.Deployment(name, version, deployment));
        }
        catch (InvalidOperationException ex)
        {
            // E.g. the stored weights no longer match their hash: nothing is placed, and the client is told.
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "The model version cannot be deployed.");
        }
    }

    private static async Task<Results<Ok<DeploymentView>, ProblemHttpResult>> GetDeploymentAsync(
        string name, int version, HttpContext http, ClaimsPrincipal user, IGrainFactory grains, ResourceAccess access, string? owner = null)
    {
        var resource = await ReadableAsync(name, version, owner, http, user, access, AuditActions.DeploymentRead);
        var deployment = resource is null ? null : await grains.GetGrain<IModelDeploymentGrain>(Key(resource)).GetAsync();
        if (deployment is null || deployment.Status == DeploymentStatus.NotDeployed)
        {
            return NotFound($"Version {version} of '{name}' is not deployed.");
        }

        access.Record(http, AuditActions.DeploymentRead, resource!, allowed: true);
        return TypedResults.Ok(ModelWire.Deployment(name, version, deployment));
    }

    private static async Task<Results<Ok<DeploymentView>, ProblemHttpResult>> UndeployAsync(
        string name, int version, HttpContext http, ClaimsPrincipal user, IGrainFactory grains, ResourceAccess access)
    {
        var key = IsName(name) && version is > 0 and <= 10_000 ? ModelKeys.Version(user.ClientId(), name, version) : null;
        var deployment = key is null ? null : await grains.GetGrain<IModelDeploymentGrain>(key).GetAsync();
        if (deployment is null || deployment.Status == DeploymentStatus.NotDeployed)
        {
            return NotFound($"Version {version} of '{name}' is not deployed.");
        }

        var undeployed = await grains.GetGrain<IModelDeploymentGrain>(key!).UndeployAsync();
        access.Record(http, AuditActions.ModelUndeploy, AccessResource.ModelVersion(user.ClientId(), name, version), allowed: true);
        return TypedResults.Ok(ModelWire.Deployment(name, version, undeployed));
    }

    private static async Task<Ok<IReadOnlyList<ModelView>>> ListAsync(ClaimsPrincipal user, IGrainFactory grains)
    {
        var owner = user.ClientId();
        var names = await grains.GetGrain<IClientModelsGrain>(owner).ListAsync();
        var models = await Task.WhenAll(names.Select(n => grains.GetGrain<IModelGrain>(ModelKeys.Model(owner, n)).GetAsync()));
        return TypedResults.Ok<IReadOnlyList<ModelView>>([.. models.OfType<ModelSummary>().Select(ModelWire.Model)]);
    }

    private static async Task<Results<Ok<ModelView>, ProblemHttpResult>> GetAsync(string name, ClaimsPrincipal user, IGrainFactory grains)
    {
        var model = IsName(name) ? await grains.GetGrain<IModelGrain>(ModelKeys.Model(user.ClientId(), name)).GetAsync() : null;
        return model is null ? NotFound($"No model '{name}' belongs to you.") : TypedResults.Ok(ModelWire.Model(model));
    }

    private static async Task<Results<Ok<ModelVersionView>, ProblemHttpResult>> GetVersionAsync(
        string name, int version, HttpContext http, ClaimsPrincipal user, IGrainFactory grains, ResourceAccess access, string? owner = null)
    {
        var resource = await ReadableAsync(name, version, owner, http, user, access, AuditActions.ModelRead);
        var record = resource is null ? null : await grains.GetGrain<IModelVersionGrain>(Key(resource)).GetAsync();
        if (record is null)
        {
            return NotFound($"No version {version} of a model '{name}' belongs to you or was shared with you.");
        }

        access.Record(http, AuditActions.ModelRead, resource!, allowed: true);
        return TypedResults.Ok(ModelWire.Version(record));
    }

    // The version the caller may read (its own, or owner's when granted read or use); null when the
    // name is invalid or the right is missing, which answers like a missing version.
    private static async Task<AccessResource?> ReadableAsync(
        string name, int version, string? owner, HttpContext http, ClaimsPrincipal user, ResourceAccess access, string action)
    {
        var caller = user.ClientId();
        owner ??= caller;
        if (!IsName(name) || version is < 1 or > 10_000 || !AccessGrants.IsClientId(owner))
        {
            return null;
        }

        var resource = AccessResource.ModelVersion(owner, name, version);
        return await access.AllowsAsync(http, caller, resource, AccessRights.Read, action) ? resource : null;
    }

    private static string Key(AccessResource version) => ModelKeys.Version(version.Owner, version.Name, version.Version);

    /// <summary>Whether <paramref name="name"/> is a valid model name.</summary>
    public static bool IsName(string name) => name.Length is > 0 and <= 63 && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Model not found.");
}
