using OrleansAI.Grains.Interfaces.Diagnostics;

namespace OrleansAI.Silo.Tests;

public sealed class PostgresReminderTests
{
    [Fact]
    public async Task AReminderRegisteredBeforeASiloRestartFiresAfterIt()
    {
        var serviceId = LocalServices.UniqueId("remind");
        await using (var first = await PostgresCluster.StartAsync(serviceId, LocalServices.UniqueId("c1")))
        {
            var probe = first.Client.GetGrain<IProbeGrain>("alarm");
            await probe.ArmReminderAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(0, (await probe.GetAsync()).ReminderTicks);
        }

        await using var restarted = await PostgresCluster.StartAsync(serviceId, LocalServices.UniqueId("c2"));
        var again = restarted.Client.GetGrain<IProbeGrain>("alarm");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        ProbeSnapshot snapshot;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            snapshot = await again.GetAsync();
        }
        while (snapshot.ReminderTicks == 0 && DateTime.UtcNow < deadline);

        await again.DisarmReminderAsync();
        Assert.True(snapshot.ReminderTicks >= 1, "the reminder did not fire within 60 s of the restart");
    }
}
