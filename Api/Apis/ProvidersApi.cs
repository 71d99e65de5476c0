using Microsoft.AspNetCore.Http.HttpResults;
using OrleansAI.Sdk.Providers;
using ProviderStatus = OrleansAI.Grains.Interfaces.Providers.ProviderStatus;

namespace OrleansAI.Api.Apis;

/// <summary>The provider network as clients see it: who is online and what they offer.</summary>
public static class ProvidersApi
{
    /// <summary>Maps <c>/api/providers</c>.</summary>
    public static IEndpointRouteBuilder MapProvidersApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/providers").WithTags("Providers").RequireAuthorization();
        group.MapGet("/", ListAsync).WithName("ListProviders").WithSummary("Lists online providers with their capabilities.");
        group.MapGet("/{address}", GetAsync).WithName("GetProvider").WithSummary("Reads one provider's status and record.");
        return endpoints;
    }

    private static async Task<Results<Ok<ProviderPage>, ValidationProblem>> ListAsync(IGrainFactory grains, int skip = 0, int take = 100)
    {
        if (skip < 0 || take is < 1 or > 500)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["take"] = ["skip ≥ 0 and 1 ≤ take ≤ 500."] });
        }

        var (providers, total) = await grains.GetGrain<IProviderRegistryGrain>(0).ListAsync(skip, take);
        return TypedResults.Ok(new ProviderPage([.. providers.Select(ProviderWire.View)], total, skip, take));
    }

    /// <summary>The 400 every provider path answers for a malformed address.</summary>
    internal static ProblemHttpResult NotAnAddress() =>
        TypedResults.Problem("An address is 0x followed by 40 hex digits.", statusCode: StatusCodes.Status400BadRequest, title: "Not an address.");

    private static async Task<Results<Ok<ProviderDetail>, ProblemHttpResult>> GetAsync(string address, IGrainFactory grains)
    {
        if (!ProviderAddress.IsValid(address))
        {
            return NotAnAddress();
        }

        var provider = await grains.GetGrain<IProviderGrain>(ProviderAddress.Normalize(address)).GetAsync();
        return provider.Status == ProviderStatus.Unknown
            ? TypedResults.Problem($"No provider {address} has ever registered.", statusCode: StatusCodes.Status404NotFound, title: "Provider not found.")
            : TypedResults.Ok(ProviderWire.Detail(provider));
    }
}
