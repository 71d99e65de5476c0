using System.Net;

namespace OrleansAI.Api.Tests;

public sealed class OpenApiTests
{
    [Fact]
    public async Task TheOpenApiDocumentDescribesTheSmokeEndpoint()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>());
        using var http = api.CreateClient();

        using var response = await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var smoke = document.RootElement.GetProperty("paths").GetProperty("/api/diagnostics/smoke").GetProperty("post");
        Assert.Equal("RunSmokeCheck", smoke.GetProperty("operationId").GetString());
    }

    [Fact]
    public async Task TheOpenApiDocumentNamesTheSubmissionsIdempotencyKeyAndTheSdksTypes()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>());
        using var http = api.CreateClient();

        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var submit = document.RootElement.GetProperty("paths").GetProperty("/api/jobs").GetProperty("post");
        Assert.Contains(submit.GetProperty("parameters").EnumerateArray(),
            p => p.GetProperty("name").GetString() == "Idempotency-Key" && p.GetProperty("in").GetString() == "header");
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.TryGetProperty("JobRequest", out _));
        Assert.True(schemas.TryGetProperty("JobView", out _));
    }

    [Fact]
    public async Task TheApiReferencePageIsServedAsHtml()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>());
        using var http = api.CreateClient();

        using var response = await http.GetAsync(new Uri("/reference", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("openapi/v1.json", page, StringComparison.Ordinal);
        Assert.Contains("scalar.js", page, StringComparison.Ordinal);
    }
}
