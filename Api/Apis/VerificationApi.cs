using Microsoft.AspNetCore.Http.HttpResults;
using OrleansAI.Grains.Interfaces.Providers;
using OrleansAI.Grains.Interfaces.Verification;
using OrleansAI.Protocol;

namespace OrleansAI.Api.Apis;

/// <summary>Fraud cases: the evidence against a provider and what became of each case (docs/verification.md).</summary>
public static class VerificationApi
{
    /// <summary>Maps <c>/api/providers/{address}/cases</c> and <c>/api/cases/{id}</c>.</summary>
    public static IEndpointRouteBuilder MapVerificationApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/providers/{address}/cases", ListAsync).WithTags("Providers").RequireAuthorization().WithName("ListProviderCases")
            .WithSummary("Fraud cases opened against a provider: evidence, and whether its stake was slashed.");
        endpoints.MapGet("/api/cases/{id}", GetAsync).WithTags("Providers").RequireAuthorization().WithName("GetCase")
            .WithSummary("One fraud case by its evidence hash.");
        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<FraudCaseSnapshot>>, ProblemHttpResult>> ListAsync(string address, IGrainFactory grains)
    {
        if (!ProviderAddress.IsValid(address))
        {
            return ProvidersApi.NotAnAddress();
        }

        var provider = await grains.GetGrain<IProviderGrain>(ProviderAddress.Normalize(address)).GetAsync();
        var cases = await Task.WhenAll((provider.FraudCases ?? []).Select(id => grains.GetGrain<IFraudCaseGrain>(id).GetAsync()));
        return TypedResults.Ok<IReadOnlyList<FraudCaseSnapshot>>([.. cases.OfType<FraudCaseSnapshot>()]);
    }

    private static async Task<Results<Ok<FraudCaseSnapshot>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains)
    {
        var found = id.Length == 64 && id.All(char.IsAsciiHexDigitLower) ? await grains.GetGrain<IFraudCaseGrain>(id).GetAsync() : null;
        return found is null
            ? TypedResults.Problem($"No fraud case '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Case not found.")
            : TypedResults.Ok(found);
    }
}
