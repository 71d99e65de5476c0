namespace OrleansAI.Node.Tests;

public sealed class FleetTests
{
    [Fact]
    public void TheSimulatedFleetGivesProviderIItsKeyOfTheFleetSeedAndServesOnlyWhenAsked()
    {
        using var channel = GatewayChannel.Create(new Uri("http://127.0.0.1:1"));
        using var blobs = new HttpClient();
        using var runner = new TaskRunner(blobs, 1);
        var options = new FleetOptions
        {
            Providers = 3,
            Seed = 4,
            MaxExamples = 5,
            Attacks = new Dictionary<int, ClientBehavior> { [1] = ClientBehavior.Shirker },
            Liars = new HashSet<int> { 2 },
            Serving = new Serving.ServingSettings { Enabled = true },
        };

        var agents = Fleet.Create(options, new ProviderGateway.ProviderGatewayClient(channel), runner, blobs, NullLoggerFactory.Instance);

        Assert.Equal([.. Enumerable.Range(0, 3).Select(i => MessageSignatures.AddressOf(SimulatedKeys.Of(4, i)))], agents.Select(a => a.Address));
        Assert.All(agents, a => Assert.NotNull(a.Models));
        Assert.All(Fleet.Create(options with { Serving = new() }, new ProviderGateway.ProviderGatewayClient(channel), runner, blobs, NullLoggerFactory.Instance), a => Assert.Null(a.Models));
    }
}
