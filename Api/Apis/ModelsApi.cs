using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansAI.Api.Models;
using OrleansAI.Api.Security;
using OrleansAI.Grains.Interfaces.Models;

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
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<ModelView>>> ListAsync(ClaimsPrincipal user, IGrainFactory grains)
    {
        var owner = user.ClientId();
        var names = await grains.GetGrain<IClientModelsGrain>(owner).ListAsync();
        var models = await Task.WhenAll(names.Select(n => grains.GetGrain<IModelGrain>(ModelKeys.Model(owner, n)).GetAsync()));
        return TypedResults.Ok<IReadOnlyList<ModelView>>([.. models.OfType<ModelSummary>().Select(View)]);
    }

    private static async Task<Results<Ok<ModelView>, ProblemHttpResult>> GetAsync(string name, ClaimsPrincipal user, IGrainFactory grains)
    {
        var model = IsName(name) ? await grains.GetGrain<IModelGrain>(ModelKeys.Model(user.ClientId(), name)).GetAsync() : null;
        return model is null ? NotFound($"No model '{name}' belongs to you.") : TypedResults.Ok(View(model));
    }

    private static async Task<Results<Ok<ModelVersionView>, ProblemHttpResult>> GetVersionAsync(string name, int version, ClaimsPrincipal user, IGrainFactory grains)
    {
        var record = IsName(name) && version is > 0 and <= 10_000
            ? await grains.GetGrain<IModelVersionGrain>(ModelKeys.Version(user.ClientId(), name, version)).GetAsync()
            : null;
        return record is null ? NotFound($"No version {version} of a model '{name}' belongs to you.") : TypedResults.Ok(ModelVersionView.From(record));
    }

    private static ModelView View(ModelSummary m) => new(m.Name, m.Versions, m.Latest is null ? null : ModelVersionView.From(m.Latest));

    private static bool IsName(string name) => name.Length is > 0 and <= 63 && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Model not found.");
}
