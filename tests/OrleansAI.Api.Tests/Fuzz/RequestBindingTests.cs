using System.Net;
using System.Text;

namespace OrleansAI.Api.Tests.Fuzz;

/// <summary>
/// A body, query or header the framework cannot bind is the client's fault: 400 problem details, in
/// every environment (the test host runs as Development, where binding failures are thrown).
/// </summary>
public sealed class RequestBindingTests(FuzzApi api) : IClassFixture<FuzzApi>
{
    [Theory]
    [InlineData("""{"spec":{},"rounds":3,"learningRate":0.0l}""")]
    [InlineData("""{"spec":{},"rounds":"three"}""")]
    [InlineData("""{"spec":{},"rounds":4294967296}""")]
    [InlineData("""[1,2,3]""")]
    [InlineData("""{"spec":""")]
    public async Task AJobBodyThatCannotBeBoundIsA400Problem(string body)
    {
        using var alice = api.ClientFor("alice");

        using var response = await alice.PostAsync(new Uri("/api/jobs", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertBadRequestAsync(response);
        // The client's mistake is no server error: nothing is logged as one.
        Assert.Empty(api.Errors.Entries);
    }

    [Theory]
    [InlineData("/api/jobs?take=abc")]
    [InlineData("/api/jobs?skip=99999999999")]
    [InlineData("/api/providers?take=-")]
    public async Task AQueryThatCannotBeBoundIsA400Problem(string path)
    {
        using var alice = api.ClientFor("alice");

        using var response = await alice.GetAsync(new Uri(path, UriKind.Relative));

        await AssertBadRequestAsync(response);
        Assert.Empty(api.Errors.Entries);
    }

    private static async Task AssertBadRequestAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
    }
}
