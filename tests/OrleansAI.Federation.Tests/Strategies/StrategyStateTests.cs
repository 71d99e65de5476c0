namespace OrleansAI.Federation.Tests.Strategies;

public sealed class StrategyStateTests
{
    [Theory]
    [InlineData("fedadam")]
    [InlineData("fedyogi")]
    [InlineData("fedadagrad")]
    [InlineData("adaptiveclip")]
    public void AFreshStrategyGivenTheExportedStateContinuesExactlyAsTheOriginalWould(string name)
    {
        // Three rounds on one long-lived strategy against: round 1 on one instance, its state handed
        // to a fresh instance for round 2, and again for round 3 (what round grains do).
        var original = StrategyCatalog.Create(name);
        var (current, _) = RandomUpdates.Round(1, minClients: 3, maxClients: 3, maxLength: 16);
        var handedOn = current;
        var carried = current;
        byte[]? state = null;
        for (var round = 1; round <= 3; round++)
        {
            var (_, updates) = RandomUpdates.Round(round * 7, minClients: 3, maxClients: 3, maxLength: 16);
            var shaped = updates.Select(u => u with { Parameters = RandomUpdates.Vector(new Random(round * 31 + u.ClientId.Length), current.Length, carried) }).ToList();
            carried = original.AggregateFit(round, carried, shaped, []).Parameters!;

            var fresh = StrategyCatalog.Create(name);
            if (state is not null)
            {
                StrategyState.Import(fresh, state);
            }

            handedOn = fresh.AggregateFit(round, handedOn, shaped, []).Parameters!;
            state = StrategyState.Export(fresh);
            Assert.NotNull(state);
        }

        Assert.Equal(carried, handedOn);
    }

    [Fact]
    public void StatelessStrategiesExportNothing()
    {
        Assert.Null(StrategyState.Export(StrategyCatalog.Create("fedavg")));
        Assert.Null(StrategyState.Export(StrategyCatalog.Create("krum:1")));
        Assert.Null(StrategyState.Export(StrategyCatalog.Create("clip:1")));
    }

    [Fact]
    public void StateOfAnotherKindOrCorruptStateIsRefused()
    {
        var adam = StrategyCatalog.Create("fedadam");
        var (current, updates) = RandomUpdates.Round(3, minClients: 2, maxClients: 2, maxLength: 8);
        adam.AggregateFit(1, current, updates, []);
        var state = StrategyState.Export(adam)!;

        Assert.Throws<InvalidDataException>(() => StrategyState.Import(StrategyCatalog.Create("adaptiveclip"), state));
        Assert.Throws<InvalidDataException>(() => StrategyState.Import(StrategyCatalog.Create("fedyogi"), state.AsSpan(0, state.Length - 1)));
        var poisoned = (byte[])state.Clone();
        BitConverter.GetBytes(float.NaN).CopyTo(poisoned, 10);
        Assert.Throws<InvalidDataException>(() => StrategyState.Import(StrategyCatalog.Create("fedadam"), poisoned));
        Assert.Throws<InvalidDataException>(() => StrategyState.Import(StrategyCatalog.Create("fedadam"), "nope"u8));
    }
}
