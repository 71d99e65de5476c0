using Microsoft.Extensions.DependencyInjection;
using OrleansAI.Grains.Interfaces.Providers;
using OrleansAI.Testing.Network;

namespace OrleansAI.Network.Tests;

/// <summary>Reputation as the registry's sampling uses it.</summary>
[Collection(NetworkTestGroup.Name)]
public sealed class ReputationTests
{
    [Fact]
    public async Task TheRegistryDrawsProvidersInProportionToTheirReputation()
    {
        await using var network = await LocalNetwork.StartAsync(providers: 0);
        var registry = network.Api.Services.GetRequiredService<IGrainFactory>().GetGrain<IProviderRegistryGrain>(0);
        // A dataset of this test's own, so no other listing takes part.
        var dataset = $"reputation-{Guid.NewGuid():N}"[..30];
        var capabilities = new ProviderCapabilities("cpu", 1024, [dataset], 1, 1, "test");
        const string Trusted = "0x00000000000000000000000000000000000000aa";
        const string Doubted = "0x00000000000000000000000000000000000000bb";
        await registry.RegisterAsync(new ProviderListing(Trusted, capabilities, 0, SamplingWeight: 0.8));
        await registry.RegisterAsync(new ProviderListing(Doubted, capabilities, 0, SamplingWeight: 0.2));

        var doubted = 0;
        const int Draws = 3000;
        for (var seed = 0; seed < Draws; seed++)
        {
            var picked = await registry.SampleAsync(new ProviderCriteria(dataset), 1, [], seed);
            doubted += picked.Single() == Doubted ? 1 : 0;
        }

        Assert.InRange(doubted / (double)Draws, 0.17, 0.23);
        // Both are drawn when both are asked for: weight orders them, it never excludes.
        Assert.Equal([Trusted, Doubted], (await registry.SampleAsync(new ProviderCriteria(dataset), 2, [], 1)).Order(StringComparer.Ordinal));
    }
}
