using OrleansAI.Testing.Fuzz;

namespace OrleansAI.Federation.Tests.Strategies;

/// <summary>
/// A job's strategy is the client's text ("krum:2"): whatever it says, the catalog gives a strategy
/// that can run or refuses it with <see cref="ArgumentException"/> (the job's 400), so that a round
/// never meets a strategy it cannot aggregate with.
/// </summary>
public sealed class StrategyCatalogFuzzTests
{
    [Theory]
    [InlineData("krum:2147483647")]
    [InlineData("multikrum:1e10")]
    [InlineData("krum:1073741823")]
    [InlineData("krum:1.5")]
    [InlineData("multikrum:-1")]
    public void AKrumCountThatIsNotASmallWholeNumberIsRefused(string spec)
    {
        Assert.ThrowsAny<ArgumentException>(() => StrategyCatalog.Create(spec));
    }

    [Fact]
    public void AByzantineCountWhoseClientMinimumWouldOverflowIsRefused()
    {
        // 2f + 3 wrapped to 1 for f = int.MaxValue, so any round passed the n > 2f + 2 check and then failed inside.
        Assert.Throws<ArgumentOutOfRangeException>(() => new Krum(int.MaxValue));
    }

    [Fact]
    public void MutatedStrategyTextsGiveAStrategyThatAggregatesOrAnArgumentException()
    {
        string[] valid = ["fedavg", "fedprox:0.1", "fedadam", "median", "trimmed:0.2", "krum:1", "multikrum:2", "clip:1.5", "adaptiveclip", "fltrust"];
        var random = new Random(16_99_01);
        var refused = 0;
        for (var i = 0; i < 2_000; i++)
        {
            var text = System.Text.Encoding.UTF8.GetString(Mutator.MutateText(valid[random.Next(valid.Length)], random));
            IStrategy strategy;
            try
            {
                strategy = StrategyCatalog.Create(text);
            }
            catch (ArgumentException)
            {
                refused++;
                continue;
            }

            if (strategy is Krum { Byzantine: > 10 } large)
            {
                // Too many clients to simulate here; what matters is that its minimum did not wrap around.
                Assert.True(large.MinimumClients > 2 * large.Byzantine + 2);
                continue;
            }

            // What the catalog accepts must aggregate a round big enough for it, or say plainly why it keeps the model.
            var clients = strategy is Krum krum ? krum.MinimumClients : 3;
            var (current, updates) = RandomUpdates.Round(i, minClients: clients, maxClients: clients, maxLength: 8);
            var exception = Record.Exception(() => strategy.AggregateFit(1, current, updates, []));
            Assert.True(exception is null, $"case {i} ('{text}') threw {exception?.GetType().Name}: {exception?.Message}");
        }

        Assert.InRange(refused, 200, 1_999);
    }
}
