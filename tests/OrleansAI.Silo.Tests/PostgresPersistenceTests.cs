using Npgsql;
using OrleansAI.Grains.Interfaces.Diagnostics;

namespace OrleansAI.Silo.Tests;

public sealed class PostgresPersistenceTests
{
    [Fact]
    public async Task GrainStateWrittenThroughPostgresSurvivesASiloRestart()
    {
        var serviceId = LocalServices.UniqueId("persist");
        await using (var first = await PostgresCluster.StartAsync(serviceId, LocalServices.UniqueId("c1")))
        {
            var probe = first.Client.GetGrain<IProbeGrain>("restart");
            await probe.PingAsync("one");
            var second = await probe.PingAsync("two");
            Assert.Equal(2, second.Pings);
        }

        await using var postgres = await LocalServices.OpenPostgresAsync();
        await using (var rows = postgres.CreateCommand("SELECT count(*) FROM orleansstorage WHERE serviceid = @s"))
        {
            rows.Parameters.AddWithValue("s", serviceId);
            Assert.Equal(1L, (long)(await rows.ExecuteScalarAsync())!);
        }

        await using var restarted = await PostgresCluster.StartAsync(serviceId, LocalServices.UniqueId("c2"));
        var after = await restarted.Client.GetGrain<IProbeGrain>("restart").GetAsync();
        Assert.Equal(2, after.Pings);
        Assert.Equal("two", after.LastNote);
    }

    [Fact]
    public async Task AClientsIdempotencyKeysSurviveASiloRestart()
    {
        var serviceId = LocalServices.UniqueId("keys");
        await using (var first = await PostgresCluster.StartAsync(serviceId, LocalServices.UniqueId("k1")))
        {
            var claimed = await first.Client.GetGrain<Grains.Interfaces.Jobs.IClientJobsGrain>("alice").ClaimKeyAsync("submit-1", "hash-a", "job-a");
            Assert.True(claimed.IsNew);
        }

        await using var restarted = await PostgresCluster.StartAsync(serviceId, LocalServices.UniqueId("k2"));
        var again = await restarted.Client.GetGrain<Grains.Interfaces.Jobs.IClientJobsGrain>("alice").ClaimKeyAsync("submit-1", "hash-a", "job-b");

        Assert.Equal(("job-a", true, false), (again.JobId, again.Matches, again.IsNew));
    }

    [Fact]
    public async Task TwoSilosFormAClusterThroughPostgresAndAGrainStaysReachableWhenItsSiloStops()
    {
        var clusterId = LocalServices.UniqueId("pair");
        await using var cluster = await PostgresCluster.StartAsync(LocalServices.UniqueId("svc"), clusterId, silos: 2);
        Assert.Equal(2, await ActiveMembersAsync(clusterId));

        var probe = cluster.Client.GetGrain<IProbeGrain>("wanderer");
        var before = await probe.PingAsync("before");
        await cluster.StopSiloAsync(before.Silo);

        var after = await probe.PingAsync("after");
        Assert.NotEqual(before.Silo, after.Silo);
        Assert.Equal(2, after.Pings);
        Assert.Equal(1, await ActiveMembersAsync(clusterId));
    }

    private static async Task<long> ActiveMembersAsync(string clusterId)
    {
        await using var postgres = await LocalServices.OpenPostgresAsync();
        // Status 3 is SiloStatus.Active in the membership contract.
        await using var command = postgres.CreateCommand("SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = @d AND status = 3");
        command.Parameters.AddWithValue("d", clusterId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
