using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace OrleansAI.Api.Tests;

public sealed class ClientRateLimitTests
{
    [Fact]
    public async Task AClientOverItsJobSubmissionLimitGets429WithRetryAfterWhileAnotherClientIsUnaffected()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["Limits:JobSubmissionsPerMinute"] = "2" });
        using var alice = api.ClientFor("alice");
        using var bob = api.ClientFor("bob");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await alice.PostAsJsonAsync("/api/jobs", new { });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture) >= 1);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        using var other = await bob.PostAsJsonAsync("/api/jobs", new { });

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[2]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(2));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);
    }

    [Fact]
    public async Task AClientOverItsDatasetUploadLimitGets429()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["Limits:DatasetUploadsPerMinute"] = "1" });
        using var alice = api.ClientFor("alice");

        using var first = await alice.PostAsync(new Uri("/api/datasets", UriKind.Relative), new ByteArrayContent([1, 2, 3]));
        using var second = await alice.PostAsync(new Uri("/api/datasets", UriKind.Relative), new ByteArrayContent([1, 2, 3]));

        Assert.NotEqual(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
    }

    [Fact]
    public void TheDefaultInferenceLimitIsOneAClientCannotFloodTheClusterWith()
    {
        var defaults = new Inference.InferenceOptions();

        Assert.InRange(defaults.RequestsPerSecond, 1, 1_000);
        Assert.InRange(defaults.Burst, defaults.RequestsPerSecond, 2_000);
    }
}
