using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansAI.Sdk.Chain;
using OrleansAI.Settlement;

namespace OrleansAI.Api.Apis;

/// <summary>
/// What the chain says, from the Api's mirror of the contracts' events: the mirror's state, a
/// provider's stake and a job's escrow. Every path answers 404 when no chain deployment is configured.
/// </summary>
public static class ChainApi
{
    /// <summary>Maps <c>/api/chain</c>, <c>/api/providers/{address}/stake</c> and <c>/api/jobs/{id}/escrow</c>.</summary>
    public static IEndpointRouteBuilder MapChainApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/chain", Status).WithTags("Chain").RequireAuthorization().WithName("GetChainMirror")
            .WithSummary("The chain mirror: the block it has read up to, whether its last poll succeeded, and totals.");
        endpoints.MapGet("/api/providers/{address}/stake", Stake).WithTags("Providers").RequireAuthorization().WithName("GetProviderStake")
            .WithSummary("A provider's stake on the Staking contract: active, unbonding (and when it is released) and slashed.");
        endpoints.MapGet("/api/jobs/{id}/escrow", EscrowAsync).WithTags("Jobs").RequireAuthorization().WithName("GetJobEscrow")
            .WithSummary("The caller's job's escrow on the JobEscrow contract: budget, paid, refunded, remaining and status.");
        return endpoints;
    }

    private static Results<Ok<ChainStatusView>, ProblemHttpResult> Status(IServiceProvider services)
    {
        if (services.GetService<ChainMirror>() is not { } mirror)
        {
            return NoChain();
        }

        var indexer = mirror.Indexer;
        var stakes = indexer.Stakes.Snapshot();
        return TypedResults.Ok(new ChainStatusView(
            mirror.Synced,
            indexer.NextBlock,
            indexer.EventsApplied,
            mirror.LastPollUtc,
            mirror.LastError,
            stakes.Count(s => s.Value.Active > 0),
            indexer.Stakes.TotalActive.ToString(CultureInfo.InvariantCulture),
            indexer.Escrow.Jobs().Count,
            indexer.Licenses.ModelCount));
    }

    private static Results<Ok<StakeView>, ProblemHttpResult> Stake(string address, IServiceProvider services)
    {
        if (services.GetService<ChainMirror>() is not { } mirror)
        {
            return NoChain();
        }

        if (!ProviderAddress.IsValid(address))
        {
            return ProvidersApi.NotAnAddress();
        }

        var canonical = ProviderAddress.Normalize(address);
        var stake = mirror.Indexer.Stakes.Get(canonical);
        return TypedResults.Ok(new StakeView(
            canonical,
            stake.Active.ToString(CultureInfo.InvariantCulture),
            stake.Unbonding.ToString(CultureInfo.InvariantCulture),
            (long)stake.ReleaseAt,
            stake.Slashed.ToString(CultureInfo.InvariantCulture),
            mirror.Indexer.NextBlock));
    }

    private static async Task<Results<Ok<EscrowView>, ProblemHttpResult>> EscrowAsync(string id, ClaimsPrincipal user, IGrainFactory grains, IServiceProvider services)
    {
        if (services.GetService<ChainMirror>() is not { } mirror)
        {
            return NoChain();
        }

        var job = await JobsApi.FindAsync(id, user, grains);
        if (job is null)
        {
            return TypedResults.Problem($"No job '{id}' belongs to you.", statusCode: StatusCodes.Status404NotFound, title: "Job not found.");
        }

        var d = job.Definition;
        if (!d.HasBudget || d.ClientWallet.Length == 0)
        {
            return TypedResults.Problem("The job has no budget, so no escrow.", statusCode: StatusCodes.Status404NotFound, title: "No escrow.");
        }

        var escrowId = SettlementIds.JobId(d.ClientWallet, job.Id);
        var escrow = mirror.Indexer.Escrow.Get(escrowId);
        string Wei(System.Numerics.BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
        return escrow is null
            ? TypedResults.Problem($"No escrow {escrowId} has been posted yet (as of block {mirror.Indexer.NextBlock}).", statusCode: StatusCodes.Status404NotFound, title: "No escrow.")
            : TypedResults.Ok(new EscrowView(escrowId.ToString(), escrow.Client, escrow.Token, Wei(escrow.Budget), Wei(escrow.Paid), Wei(escrow.Refunded), Wei(escrow.Remaining),
                escrow.Status.ToString().ToLowerInvariant(), escrow.TasksPaid, mirror.Indexer.NextBlock));
    }

    private static ProblemHttpResult NoChain() =>
        TypedResults.Problem("This Api has no chain deployment configured (Chain:DeploymentFile).", statusCode: StatusCodes.Status404NotFound, title: "No chain.");
}
