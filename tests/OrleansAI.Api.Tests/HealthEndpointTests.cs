using System.Net;

namespace OrleansAI.Api.Tests;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task LiveAnswersAndReadyIsHealthyWithEveryRealServiceUp()
    {
        await using var api = ApiFactory.WithRealServices();
        using var http = api.CreateClient();

        using var live = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = await ChecksAsync(ready);
        Assert.Equal("Healthy", checks["cluster"]);
        Assert.Equal("Healthy", checks["blob-storage"]);
        Assert.Equal("Healthy", checks["chain"]);
    }

    [Fact]
    public async Task ReadyReportsAStoppedDependencyByNameWhileLiveStillAnswers()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>
        {
            ["BlobStorage:ConnectionString"] = LocalServices.UnreachableAzuriteConnection,
            ["Chain:RpcUrl"] = LocalServices.AnvilUrl,
        });
        using var http = api.CreateClient();

        using var live = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var checks = await ChecksAsync(ready);
        Assert.Equal("Unhealthy", checks["blob-storage"]);
        Assert.Equal("Healthy", checks["chain"]);
        Assert.Equal("Healthy", checks["cluster"]);
    }

    [Fact]
    public async Task ReadyShowsAnonymousCallersNoHostsOrAddressesButShowsThemToOperators()
    {
        await using var api = ApiFactory.WithRealServices();
        using var anonymous = api.CreateClient();
        using var operatorHttp = api.ClientFor("ops");

        var open = await anonymous.GetStringAsync(new Uri("/health/ready", UriKind.Relative));
        var full = await operatorHttp.GetStringAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.DoesNotContain(new Uri(LocalServices.AnvilUrl).Authority, open, StringComparison.Ordinal);
        Assert.DoesNotContain("description", open, StringComparison.Ordinal);
        Assert.Contains(new Uri(LocalServices.AnvilUrl).Authority, full, StringComparison.Ordinal);
    }

    private static async Task<Dictionary<string, string>> ChecksAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!);
    }
}
