using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace OrleansAI.Api.Tests;

public sealed class AccessPolicyTests : IClassFixture<AccessPolicyTests.Embedded>
{
    // The endpoints anyone may call: probes, the protocol's server probes, the API's own description,
    // and the provider gateway (which authenticates providers inside its protocol).
    private static readonly string[] DeclaredAnonymous =
    [
        "/", "/health/live", "/health/ready", "/v2/health/live", "/v2/health/ready", "/v2/",
        "/openapi/{documentName}.json", "/reference/{documentName?}", "/reference/favicon.svg", "/reference/scalar.aspnetcore.js", "/reference/scalar.js",
    ];

    private readonly ApiFactory _api;

    public AccessPolicyTests(Embedded api) => _api = api.Api;

    [Fact]
    public void OnlyTheDeclaredEndpointsAreOpenToAnonymousCallers()
    {
        var open = Endpoints().Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.RoutePattern.RawText ?? "").Where(p => !p.StartsWith("/orleansai.", StringComparison.Ordinal) && !p.StartsWith("orleansai.", StringComparison.Ordinal)).ToHashSet();

        Assert.True(open.IsSubsetOf(DeclaredAnonymous), "Open: " + string.Join(", ", open.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void AnEndpointThatDeclaresNothingNeedsAnAuthenticatedCaller()
    {
        var options = _api.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthorizationOptions>>().Value;

        Assert.NotNull(options.FallbackPolicy);
        Assert.Contains(options.FallbackPolicy.Requirements, r => r is Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement);
    }

    [Fact]
    public async Task EveryClosedEndpointAnswersAnAnonymousCaller401()
    {
        using var http = _api.CreateClient();
        var answered = new List<string>();
        foreach (var endpoint in Endpoints().Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null))
        {
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var path = Path(endpoint);
            foreach (var method in methods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                using var response = await http.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.Unauthorized)
                {
                    answered.Add($"{method} {path}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.Empty(answered);
    }

    private IEnumerable<RouteEndpoint> Endpoints() =>
        _api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            // gRPC methods and their unimplemented-method catch-alls answer in the gRPC protocol.
            .Where(e => e.Metadata.GetMetadata<Grpc.AspNetCore.Server.GrpcMethodMetadata>() is null
                && !(e.RoutePattern.RawText ?? "").StartsWith("{unimplementedService}", StringComparison.Ordinal)
                && !(e.RoutePattern.RawText ?? "").StartsWith("/{unimplementedService}", StringComparison.Ordinal));

    // Every parameter becomes "1", which satisfies the int constraints and is a valid string.
    private static string Path(RouteEndpoint endpoint) =>
        "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
            _ => "1",
        }))));

    /// <summary>One embedded Api for the class (no external services needed to check access).</summary>
    public sealed class Embedded : IDisposable
    {
        /// <summary>The Api.</summary>
        internal ApiFactory Api { get; } = new(new Dictionary<string, string?>());

        /// <inheritdoc />
        public void Dispose() => Api.Dispose();
    }
}
