using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansAI.Sdk.Models;
using DeploymentSettings = OrleansAI.Grains.Interfaces.Inference.DeploymentSettings;
using DeploymentStatus = OrleansAI.Grains.Interfaces.Inference.DeploymentStatus;

namespace OrleansAI.Api.Apis;

/// <summary>Registered models and their versions with provenance; each client sees only its own.</summary>
public static class ModelsApi
{
    /// <summary>Maps <c>/api/models</c>.</summary>
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/models").WithTags("Models").RequireAuthorization();
        group.MapGet("/", ListAsync).WithName("ListModels").WithSummary("Lists the caller's models with their latest version.");
        group.MapGet("/{name}", GetAsync).WithName("GetModel").WithSummary("Reads one of the caller's models.");
        group.MapGet("/{name}/versions/{version:int}", GetVersionAsync).WithName("GetModelVersion")
            .WithSummary("Reads a model version: weights hash, metrics and provenance (job, rounds, contributing providers and their result hashes).");
        group.MapPut("/{name}/versions/{version:int}/deployment", DeployAsync).WithName("DeployModelVersion")
            .WithSummary("Deploys a model version for inference (or changes how it is served): its ONNX file is exported once and serving nodes are asked to load it.");
        group.MapGet("/{name}/versions/{version:int}/deployment", GetDeploymentAsync).WithName("GetDeployment")
            .WithSummary("Reads a model version's deployment: its nodes and their states, and the disagreements recorded between them.");
        group.MapDelete("/{name}/versions/{version:int}/deployment", UndeployAsync).WithName("UndeployModelVersion")
            .WithSummary("Takes a model version down; its nodes drop it.");
        return endpoints;
    }

    private static async Task<Results<Ok<DeploymentView>, ProblemHttpResult>> DeployAsync(string name, int version, DeploymentRequest? request, ClaimsPrincipal user, IGrainFactory grains)
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
            return TypedResults.Ok(ModelWire.Deployment(name, version, deployment));
        }
        catch (InvalidOperationException ex)
        {
            // E.g. the stored weights no longer match their hash: nothing is placed, and the client is told.
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "The model version cannot be deployed.");
        }
    }

    private static async Task<Results<Ok<DeploymentView>, ProblemHttpResult>> GetDeploymentAsync(string name, int version, ClaimsPrincipal user, IGrainFactory grains)
    {
        var key = IsName(name) && version is > 0 and <= 10_000 ? ModelKeys.Version(user.ClientId(), name, version) : null;
        var deployment = key is null ? null : await grains.GetGrain<IModelDeploymentGrain>(key).GetAsync();
        return deployment is null || deployment.Status == DeploymentStatus.NotDeployed
            ? NotFound($"Version {version} of '{name}' is not deployed.")
            : TypedResults.Ok(ModelWire.Deployment(name, version, deployment));
    }

    private static async Task<Results<Ok<DeploymentView>, ProblemHttpResult>> UndeployAsync(string name, int version, ClaimsPrincipal user, IGrainFactory grains)
    {
        var key = IsName(name) && version is > 0 and <= 10_000 ? ModelKeys.Version(user.ClientId(), name, version) : null;
        var deployment = key is null ? null : await grains.GetGrain<IModelDeploymentGrain>(key).GetAsync();
        if (deployment is null || deployment.Status == DeploymentStatus.NotDeployed)
        {
            return NotFound($"Version {version} of '{name}' is not deployed.");
        }

        return TypedResults.Ok(ModelWire.Deployment(name, version, await grains.GetGrain<IModelDeploymentGrain>(key!).UndeployAsync()));
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

    private static async Task<Results<Ok<ModelVersionView>, ProblemHttpResult>> GetVersionAsync(string name, int version, ClaimsPrincipal user, IGrainFactory grains)
    {
        var record = IsName(name) && version is > 0 and <= 10_000
            ? await grains.GetGrain<IModelVersionGrain>(ModelKeys.Version(user.ClientId(), name, version)).GetAsync()
            : null;
        return record is null ? NotFound($"No version {version} of a model '{name}' belongs to you.") : TypedResults.Ok(ModelWire.Version(record));
    }

    /// <summary>Whether <paramref name="name"/> is a valid model name.</summary>
    public static bool IsName(string name) => name.Length is > 0 and <= 63 && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Model not found.");
}
