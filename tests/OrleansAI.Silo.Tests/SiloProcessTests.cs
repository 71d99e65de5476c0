namespace OrleansAI.Silo.Tests;

public sealed class SiloProcessTests
{
    [Fact]
    public async Task SiloExitsNonZeroWithAClearMessageWhenPostgresIsUnreachable()
    {
        var outcome = await HostProcess.RunUntilExitAsync(
            "OrleansAI.Silo",
            new Dictionary<string, string> { ["Postgres:ConnectionString"] = LocalServices.UnreachablePostgresConnection },
            TimeSpan.FromSeconds(90));

        Assert.Equal(3, outcome.ExitCode);
        Assert.Contains("silo: cannot start: PostgreSQL at 127.0.0.1:", outcome.StandardError, StringComparison.Ordinal);
        Assert.Contains("./oai.sh up", outcome.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SiloRefusesAPlaintextEndpointWithoutTheSwitch()
    {
        var outcome = await HostProcess.RunUntilExitAsync(
            "OrleansAI.Silo",
            new Dictionary<string, string> { ["Tls:AllowPlaintext"] = "false" },
            TimeSpan.FromSeconds(90));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("silo: invalid configuration: plaintext is refused: HTTP endpoint http://127.0.0.1:", outcome.StandardError, StringComparison.Ordinal);
        Assert.Contains("Tls:AllowPlaintext", outcome.StandardError, StringComparison.Ordinal);
    }
}
