using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace OrleansAI.Api.Security;

/// <summary>
/// Per-client rate limits on job submission and dataset upload, and the one answer every limit in
/// the Api gives: 429 with <c>Retry-After</c>, as problem details (or OIP error JSON on <c>/v2</c>).
/// </summary>
public static class ClientRateLimits
{
    /// <summary>The policy on job submission.</summary>
    public const string Submissions = "job-submissions";

    /// <summary>The policy on dataset uploads.</summary>
    public const string Uploads = "dataset-uploads";

    /// <summary>Registers the policies and the rejection answer.</summary>
    public static WebApplicationBuilder AddClientRateLimits(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ClientLimitOptions>().BindConfiguration(ClientLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Submissions, http => PerClient(http, o => o.JobSubmissionsPerMinute));
            limiter.AddPolicy(Uploads, http => PerClient(http, o => o.DatasetUploadsPerMinute));
            limiter.OnRejected = RejectAsync;
        });
        return builder;
    }

    // A minute's allowance may be spent at once, then it refills evenly (a tenth every six seconds).
    private static RateLimitPartition<string> PerClient(HttpContext http, Func<ClientLimitOptions, int> perMinute)
    {
        var limit = perMinute(http.RequestServices.GetRequiredService<IOptions<ClientLimitOptions>>().Value);
        return RateLimitPartition.GetTokenBucketLimiter(Caller(http), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit,
            TokensPerPeriod = Math.Max(1, limit / 10),
            ReplenishmentPeriod = TimeSpan.FromSeconds(6),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>Whom a limit counts a request against: the client, or its network address when anonymous.</summary>
    public static string Caller(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.User.Identity?.IsAuthenticated == true ? http.User.ClientId() : $"ip:{http.Connection.RemoteIpAddress}";
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
        http.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
        if (http.Request.Path.StartsWithSegments("/v2", StringComparison.Ordinal))
        {
            await Inference.OipJson.ErrorAsync(http, StatusCodes.Status429TooManyRequests, "too many requests; retry after the time in Retry-After");
            return;
        }

        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        await Results.Problem(
            $"This client is over its limit for this operation; retry after {retry} s.",
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests.").ExecuteAsync(http);
    }
}
