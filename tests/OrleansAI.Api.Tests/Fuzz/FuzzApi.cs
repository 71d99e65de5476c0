using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrleansAI.Grains.Interfaces.Storage;

namespace OrleansAI.Api.Tests.Fuzz;

/// <summary>
/// The real Api (co-hosted silo) with an in-memory content store, for fuzz tests that send many
/// hostile requests through the whole HTTP pipeline: authentication, routing, model binding, the route.
/// Shared by the tests of a class (a class fixture): starting a silo costs more than a test's requests.
/// </summary>
public sealed class FuzzApi : IAsyncLifetime, IAsyncDisposable
{
    // The fuzz tests measure the parsers, not the per-client limits (ClientRateLimitTests does).
    private readonly ApiFactory _root = new(new Dictionary<string, string?>
    {
        ["Limits:JobSubmissionsPerMinute"] = "100000",
        ["Limits:DatasetUploadsPerMinute"] = "100000",
        ["Inference:RequestsPerSecond"] = "100000",
        ["Inference:Burst"] = "100000",
    });

    public FuzzApi()
    {
        Factory = _root.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
        {
            services.AddSingleton<IContentStore>(Store);
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Errors);
        }));
    }

    internal MemoryContentStore Store { get; } = new();

    /// <summary>What the Api logged at Error or above.</summary>
    internal ErrorLog Errors { get; } = new();

    internal WebApplicationFactory<Program> Factory { get; }

    /// <summary>The silo's grains, as the Api sees them.</summary>
    internal IGrainFactory Grains => Factory.Services.GetRequiredService<IGrainFactory>();

    /// <summary>An HTTP client authenticated as <paramref name="client"/>.</summary>
    internal HttpClient ClientFor(string client)
    {
        var http = Factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiFactory.ClientKeys[client]);
        return http;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _root.DisposeAsync();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
