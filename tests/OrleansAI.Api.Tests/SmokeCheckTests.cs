using System.Net;
using System.Net.Http.Json;
using OrleansAI.Api.Diagnostics;

namespace OrleansAI.Api.Tests;

public sealed class SmokeCheckTests
{
    [Fact]
    public async Task TheSmokeCheckRoundTripsThroughAnEmbeddedClusterAzuriteAndAnvil()
    {
        await using var api = ApiFactory.WithRealServices();
        using var http = api.ClientFor("ops");

        using var response = await http.PostAsync(new Uri("/api/diagnostics/smoke", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<SmokeReport>();
        Assert.NotNull(report);
        Assert.True(report.Ok);
        Assert.Equal("embedded", report.Mode);
        Assert.Equal(["grain-storage", "blob-storage", "chain"], report.Steps.Select(s => s.Name));
        Assert.Contains("chain 31337", report.Steps[2].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSmokeCheckAnswers503AndNamesTheFailedStepWhenTheChainIsStopped()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>
        {
            ["BlobStorage:ConnectionString"] = LocalServices.AzuriteConnection,
            ["Chain:RpcUrl"] = LocalServices.UnreachableRpcUrl,
        });
        using var http = api.ClientFor("ops");

        using var response = await http.PostAsync(new Uri("/api/diagnostics/smoke", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<SmokeReport>();
        Assert.NotNull(report);
        Assert.False(report.Ok);
        Assert.Equal([true, true, false], report.Steps.Select(s => s.Ok));
    }

    [Fact]
    public async Task TheSmokeCheckRefusesAnonymousCallersAndClientsWithoutTheOperatorRole()
    {
        await using var api = ApiFactory.WithRealServices();
        using var anonymous = api.CreateClient();
        using var client = api.ClientFor("alice");

        using var unauthenticated = await anonymous.PostAsync(new Uri("/api/diagnostics/smoke", UriKind.Relative), null);
        using var forbidden = await client.PostAsync(new Uri("/api/diagnostics/smoke", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
