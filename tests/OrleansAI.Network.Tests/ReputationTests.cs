using System.Net.Http.Json;
using JobStatus = OrleansAI.Sdk.Jobs.JobStatus;

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

    [Fact]
    public async Task FederatedAttackersAndCopiersBecomeSuspectsThatLoseReputationAndHonestProvidersDoNot()
    {
        var attacks = new Dictionary<int, ClientBehavior> { [2] = ClientBehavior.SignFlip, [3] = ClientBehavior.Lazy };
        // Providers 4 and 5 collude: 4 trains honestly and hands in first, 5 copies its result.
        await using var network = await LocalNetwork.StartAsync(providers: 6, maxExamples: 400, behaviors: attacks,
            misbehave: (i, m) => i switch { 4 => m with { Collusion = "pair" }, 5 => m with { Collusion = "pair", Copier = true }, _ => m });
        var job = await network.SubmitAsync(new
        {
            model = "screened",
            spec = JsonDocument.Parse(LocalNetwork.TinySpec).RootElement,
            rounds = 3,
            minProviders = 6,
            // The median keeps the attackers from ruining the model while they are being noticed.
            strategy = "median",
            localEpochs = 1,
            learningRate = 0.01,
            batchSize = 32,
        });

        var done = await network.WaitAsync(job.Id, j => j.Status is JobStatus.Completed or JobStatus.Failed, TimeSpan.FromMinutes(3));

        Assert.Equal(JobStatus.Completed, done.Status);
        var records = new Dictionary<int, JsonElement>();
        for (var i = 0; i < 6; i++)
        {
            records[i] = await network.Client.GetFromJsonAsync<JsonElement>($"/api/providers/{network.Agents[i].Address}");
        }

        // The lazy provider stands out every round; a sign flip can pass unnoticed in a round where the
        // honest changes are mostly noise (docs/benchmarks.md, verification), so at least two of three.
        Assert.Equal(3, records[3].GetProperty("suspicionCount").GetInt64());
        Assert.InRange(records[2].GetProperty("suspicionCount").GetInt64(), 2, 3);

        foreach (var honest in new[] { 0, 1, 4 })
        {
            Assert.True(records[honest].GetProperty("suspicionCount").GetInt64() == 0, $"honest provider {honest}: {records[honest].GetProperty("suspicions")}");
            foreach (var attacker in attacks.Keys)
            {
                Assert.True(records[attacker].GetProperty("reputation").GetProperty("score").GetDouble() < records[honest].GetProperty("reputation").GetProperty("score").GetDouble());
            }
        }

        Assert.Contains("points against", records[2].GetProperty("suspicions")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("little or no training", records[3].GetProperty("suspicions")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, records[5].GetProperty("suspicionCount").GetInt64());
        Assert.Contains("byte for byte", records[5].GetProperty("suspicions")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }
}
