using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansAI.Sdk.Cases;
using CaseEntry = OrleansAI.Sdk.Cases.CaseEntry;
using FraudCaseStatus = OrleansAI.Grains.Interfaces.Verification.FraudCaseStatus;

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
        endpoints.MapGet("/api/cases", ListAllAsync).WithTags("Providers").RequireAuthorization(ClientKey.OperatorRole).WithName("ListCases")
            .WithSummary("Operators: every provider's fraud cases, newest first, optionally by status (e.g. ?status=disputed).");
        endpoints.MapPost("/api/cases/{id}/resolution", ResolveAsync).WithTags("Providers").RequireAuthorization(ClientKey.OperatorRole).WithName("ResolveCase")
            .WithSummary("Operators: decides a provider's dispute of a case (upheld restores the stake; rejected makes the slash final).");
        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<FraudCase>>, ProblemHttpResult>> ListAsync(string address, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!ProviderAddress.IsValid(address))
        {
            return ProvidersApi.NotAnAddress();
        }

        var provider = await grains.GetGrain<IProviderGrain>(ProviderAddress.Normalize(address)).GetAsync();
        var cases = await Task.WhenAll((provider.FraudCases ?? []).Select(id => grains.GetGrain<IFraudCaseGrain>(id).GetAsync()));
        var shown = await Task.WhenAll(cases.OfType<FraudCaseSnapshot>().Select(c => ShowAsync(c, user, grains)));
        return TypedResults.Ok<IReadOnlyList<FraudCase>>(shown);
    }

    // Whether a provider has been caught is public (clients choose providers by it); the evidence is
    // for those it concerns.
    private static async Task<FraudCase> ShowAsync(FraudCaseSnapshot fraud, ClaimsPrincipal user, IGrainFactory grains) =>
        await CaseAudience.ConcernsAsync(user, fraud, grains) ? CaseWire.Case(fraud) : CaseWire.Outcome(fraud);

    private static async Task<Results<Ok<IReadOnlyList<CaseEntry>>, ValidationProblem>> ListAllAsync(string? status, int? skip, int? take, IGrainFactory grains)
    {
        FraudCaseStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<FraudCaseStatus>(status, ignoreCase: true, out var parsed) || int.TryParse(status, out _))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["status"] = [$"One of {string.Join(", ", Enum.GetNames<FraudCaseStatus>().Select(n => n.ToLowerInvariant()))}."],
                });
            }

            wanted = parsed;
        }

        if (skip is < 0 || take is < 1 or > 100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = ["skip is 0 or more; take is 1 to 100."] });
        }

        var page = await grains.GetGrain<ICaseIndexGrain>(0).ListAsync(wanted, skip ?? 0, take ?? 50);
        return TypedResults.Ok<IReadOnlyList<CaseEntry>>([.. page.Select(CaseWire.Entry)]);
    }

    private static async Task<Results<Ok<FraudCase>, ValidationProblem, ProblemHttpResult>> ResolveAsync(string id, CaseResolution? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (body is not { Upheld: { } upheld, Reason: { Length: > 0 and <= CaseResolution.MaxReasonChars } reason })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["resolution"] = [$"Send {{\"upheld\": true|false, \"reason\": \"…\"}} with a reason of 1 to {CaseResolution.MaxReasonChars} characters."],
            });
        }

        var grain = id.Length == 64 && id.All(char.IsAsciiHexDigitLower) ? grains.GetGrain<IFraudCaseGrain>(id) : null;
        // The provider disputes on chain: the case is brought up to date before anything is decided.
        var current = grain is null ? null : await grain.RefreshAsync();
        if (grain is null || current is null)
        {
            return TypedResults.Problem($"No fraud case '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Case not found.");
        }

        if (current.Status != FraudCaseStatus.Disputed)
        {
            return TypedResults.Problem(
                $"The case is {current.Status.ToString().ToLowerInvariant()}: only a case its provider disputed on chain can be decided.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Not disputed.");
        }

        var decided = await grain.ResolveAsync(upheld, ClientIdentity.ClientId(user), reason);
        return decided is { Status: not FraudCaseStatus.Disputed }
            ? TypedResults.Ok(CaseWire.Case(decided))
            : TypedResults.Problem("The chain did not take the decision; try again.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not decided.");
    }

    private static async Task<Results<Ok<FraudCase>, ProblemHttpResult>> GetAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var found = id.Length == 64 && id.All(char.IsAsciiHexDigitLower) ? await grains.GetGrain<IFraudCaseGrain>(id).GetAsync() : null;
        return found is null
            ? TypedResults.Problem($"No fraud case '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Case not found.")
            : TypedResults.Ok(await ShowAsync(found, user, grains));
    }
}
