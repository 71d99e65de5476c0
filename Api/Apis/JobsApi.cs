using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrleansAI.Api.Jobs;
using OrleansAI.Sdk.Jobs;
using JobStatus = OrleansAI.Grains.Interfaces.Jobs.JobStatus;

namespace OrleansAI.Api.Apis;

/// <summary>Training jobs: submit, read, list and cancel. Every job is visible only to the client that submitted it.</summary>
public static class JobsApi
{
    /// <summary>Largest accepted request body: a spec is bounded to 64 KiB, the rest is small.</summary>
    public const long MaxRequestBytes = 128 * 1024;

    /// <summary>Maps <c>/api/jobs</c>.</summary>
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/jobs").WithTags("Jobs").RequireAuthorization();
        group.MapPost("/", SubmitAsync).RequireRateLimiting(ClientRateLimits.Submissions)
            .WithName("SubmitJob")
            .WithSummary("Submits a training job: federated, or data-parallel on an uploaded dataset.")
            .WithDescription("Validates the model spec and settings and records the job; 400 with every problem named otherwise.")
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes));
        group.MapGet("/{id}", GetAsync).WithName("GetJob").WithSummary("Reads one of the caller's jobs.");
        group.MapGet("/", ListAsync).WithName("ListJobs").WithSummary("Lists the caller's jobs, newest first.");
        group.MapGet("/{id}/events", EventsAsync).WithName("JobEvents")
            .WithSummary("Streams the job's progress as server-sent events: a snapshot, then status, round, evaluated and model events until it ends.");
        group.MapGet("/{id}/rounds/{round:int}", RoundAsync).WithName("GetJobRound")
            .WithSummary("Reads one round of one of the caller's jobs: contributions and, for data-parallel jobs, every check and its verdict.");
        group.MapDelete("/{id}", CancelAsync).WithName("CancelJob").WithSummary("Cancels one of the caller's jobs.");
        return endpoints;
    }

    private static async Task<Results<Created<JobView>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        JobRequest request, HttpContext http, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock, ResourceAccess access,
        [FromHeader(Name = JobHeaders.IdempotencyKey)] string? idempotencyKey = null)
    {
        // Declared as a header parameter so the OpenAPI document lists it.
        var key = idempotencyKey ?? string.Empty;
        if (key.Length > 0 && (key.Length > 100 || !key.All(c => c is > ' ' and < (char)127)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [JobHeaders.IdempotencyKey] = ["1 to 100 visible ASCII characters."] }, title: "The job was refused.");
        }

        var budget = http.RequestServices.GetRequiredService<IConfiguration>().GetValue("Rounds:MemoryBudgetBytes", Grains.Interfaces.Rounds.RoundMemory.DefaultBudgetBytes);
        var (definition, errors) = JobValidation.Validate(request, clock.GetUtcNow(), budget);
        if (definition is { HasBudget: true })
        {
            // A budget is escrowed on chain from the client's wallet; the escrow id is bound to it.
            if (user.Wallet() is { Length: > 0 } wallet)
            {
                definition = definition with { ClientWallet = wallet };
            }
            else
            {
                errors["budget"] = ["A budget is paid from the client's wallet, and this client has none configured (Clients:Keys:N:Wallet); use budget 0."];
                definition = null;
            }
        }

        var datasets = grains.GetGrain<Grains.Interfaces.Datasets.IClientDatasetsGrain>(user.ClientId());
        if (definition is { IsDataParallel: true } && !await MayTrainOnAsync(http, user.ClientId(), definition, grains, access))
        {
            // Content is stored by hash, but only its uploader, and those it granted use, may train on it.
            errors["dataset"] = [definition.DatasetOwner.Length == 0
                ? "No dataset with this hash belongs to you; upload it to /api/datasets first."
                : $"No dataset with this hash of client '{definition.DatasetOwner}' was shared with you for use."];
            definition = null;
        }

        if (definition is { RootDataset.Length: > 0 } && await datasets.GetAsync(definition.RootDataset) is null)
        {
            errors["rootDataset"] = ["No dataset with this hash belongs to you; upload it to /api/datasets first."];
            definition = null;
        }

        if (definition is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The job was refused.");
        }

        var id = $"job-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
        if (key.Length > 0)
        {
            // Keyed by client: another client's key never meets this one's.
            var fingerprint = Convert.ToHexStringLower(SHA256.HashData(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(request, OrleansAI.Sdk.OaiJson.Options)));
            var claim = await grains.GetGrain<IClientJobsGrain>(user.ClientId()).ClaimKeyAsync(key, fingerprint, id);
            if (!claim.Matches)
            {
                return TypedResults.Problem($"The {JobHeaders.IdempotencyKey} '{key}' was first used with a different request; use a new key for a new job.",
                    statusCode: StatusCodes.Status422UnprocessableEntity, title: "The idempotency key is taken.");
            }

            // A repeat answers the job the key made; if the first request stopped between claiming
            // the key and creating its job, this one creates it under the claimed id.
            if (!claim.IsNew && await grains.GetGrain<ITrainingJobGrain>(claim.JobId).GetAsync() is { } earlier)
            {
                http.Response.Headers[JobHeaders.Replayed] = "true";
                return TypedResults.Created($"/api/jobs/{claim.JobId}", JobWire.View(earlier));
            }

            id = claim.JobId;
        }

        JobSnapshot job;
        try
        {
            job = await grains.GetGrain<ITrainingJobGrain>(id).SubmitAsync(user.ClientId(), definition);
        }
        catch (InvalidOperationException) when (key.Length > 0)
        {
            // Two requests with one key at once: the first created the job while this one looked.
            job = await grains.GetGrain<ITrainingJobGrain>(id).GetAsync() ?? throw new InvalidOperationException($"Job '{id}' could not be created.");
            http.Response.Headers[JobHeaders.Replayed] = "true";
        }

        if (definition.IsDataParallel)
        {
            access.Record(http, AuditActions.DatasetUse, DatasetOf(user.ClientId(), definition), allowed: true, $"job {id}");
        }

        return TypedResults.Created($"/api/jobs/{id}", JobWire.View(job));
    }

    // The job's dataset: its owner's (granted for use) or the client's own.
    private static AccessResource DatasetOf(string client, JobDefinition definition) =>
        AccessResource.Dataset(definition.DatasetOwner.Length > 0 ? definition.DatasetOwner : client, definition.Dataset);

    private static async Task<bool> MayTrainOnAsync(HttpContext http, string client, JobDefinition definition, IGrainFactory grains, ResourceAccess access)
    {
        var dataset = DatasetOf(client, definition);
        return await access.AllowsAsync(http, client, dataset, AccessRights.Use, AuditActions.DatasetUse)
            && await grains.GetGrain<Grains.Interfaces.Datasets.IClientDatasetsGrain>(dataset.Owner).GetAsync(dataset.Name) is not null;
    }

    private static async Task<Results<Ok<JobView>, ProblemHttpResult>> GetAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var job = await FindAsync(id, user, grains);
        return job is null ? NotFound(id) : TypedResults.Ok(JobWire.View(job));
    }

    private static async Task<Results<Ok<JobPage>, ValidationProblem>> ListAsync(ClaimsPrincipal user, IGrainFactory grains, int skip = 0, int take = 20)
    {
        if (skip < 0 || take is < 1 or > 100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["take"] = ["skip ≥ 0 and 1 ≤ take ≤ 100."] });
        }

        var (ids, total) = await grains.GetGrain<IClientJobsGrain>(user.ClientId()).PageAsync(skip, take);
        var jobs = await Task.WhenAll(ids.Select(id => grains.GetGrain<ITrainingJobGrain>(id).GetAsync()));
        return TypedResults.Ok(new JobPage([.. jobs.OfType<JobSnapshot>().Select(JobWire.View)], total, skip, take));
    }

    private static async Task<Results<ServerSentEventsResult<JobProgress>, ProblemHttpResult>> EventsAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains, IClusterClient client, CancellationToken cancellationToken)
    {
        var job = await FindAsync(id, user, grains);
        return job is null ? NotFound(id) : TypedResults.ServerSentEvents(JobProgressFeed.ReadAsync(client, id, cancellationToken));
    }

    private static async Task<Results<Ok<RoundDetailView>, ProblemHttpResult>> RoundAsync(string id, int round, ClaimsPrincipal user, IGrainFactory grains)
    {
        var job = await FindAsync(id, user, grains);
        if (job is null)
        {
            return NotFound(id);
        }

        if (round < 1 || round > job.Definition.Rounds + 1)
        {
            return TypedResults.Problem($"The job has rounds 1 to {job.Definition.Rounds + 1} (the last evaluates).", statusCode: StatusCodes.Status404NotFound, title: "Round not found.");
        }

        var snapshot = await grains.GetGrain<Grains.Interfaces.Rounds.IAggregationRoundGrain>(Grains.Interfaces.Rounds.RoundKeys.Of(id, round)).GetAsync();
        return TypedResults.Ok(JobWire.RoundDetail(snapshot));
    }

    private static async Task<Results<Ok<JobView>, ProblemHttpResult>> CancelAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var job = await FindAsync(id, user, grains);
        if (job is null)
        {
            return NotFound(id);
        }

        if (JobLifecycle.IsFinal(job.Status))
        {
            return TypedResults.Problem($"The job is already {job.Status.ToString().ToLowerInvariant()}.", statusCode: StatusCodes.Status409Conflict, title: "The job cannot be cancelled.");
        }

        return TypedResults.Ok(JobWire.View(await grains.GetGrain<ITrainingJobGrain>(id).CancelAsync("cancelled by its owner")));
    }

    // Another client's job is reported exactly like a missing one, so ids reveal nothing.
    /// <summary>The caller's own job <paramref name="id"/>, or null (unknown, malformed or another client's).</summary>
    internal static async Task<JobSnapshot?> FindAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (id.Length > 64 || !id.StartsWith("job-", StringComparison.Ordinal))
        {
            return null;
        }

        var job = await grains.GetGrain<ITrainingJobGrain>(id).GetAsync();
        return job?.Owner == user.ClientId() ? job : null;
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem($"No job '{id}' belongs to you.", statusCode: StatusCodes.Status404NotFound, title: "Job not found.");
}
