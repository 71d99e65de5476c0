using Microsoft.Extensions.Configuration;
using OrleansAI.Hosting.Security.Tls;

namespace OrleansAI.Hosting.Tests;

/// <summary>Which endpoints the plaintext check counts: those Kestrel will really listen on.</summary>
public sealed class PlaintextEndpointsTests
{
    [Fact]
    public void NamedEndpointsAreCountedAndTheUrlsSettingIsIgnoredBesideThem()
    {
        var found = TransportSecurity.PlaintextEndpoints(Configuration(new()
        {
            ["Kestrel:Endpoints:Http:Url"] = "https://127.0.0.1:5000",
            ["Kestrel:Endpoints:Providers:Url"] = "http://127.0.0.1:5001",
            ["urls"] = "http://127.0.0.1:9999",
        }));

        Assert.Equal(["http://127.0.0.1:5001"], found);
    }

    [Fact]
    public void WithoutNamedEndpointsTheUrlsAndHttpPortsCount()
    {
        var found = TransportSecurity.PlaintextEndpoints(Configuration(new() { ["urls"] = "https://127.0.0.1:5100;http://127.0.0.1:5101", ["http_ports"] = "8080" }));

        Assert.Equal(["http://127.0.0.1:5101", "http://*:8080"], found);
    }

    [Fact]
    public void NothingConfiguredIsKestrelsPlaintextDefault()
    {
        Assert.Equal(["http://localhost:5000"], TransportSecurity.PlaintextEndpoints(Configuration(new())));
        Assert.Empty(TransportSecurity.PlaintextEndpoints(Configuration(new() { ["https_ports"] = "443" })));
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
