using System.Diagnostics;
using OrleansAI.Testing;

namespace OrleansAI.Silo.Tests;

public sealed class SiloProcessTests
{
    [Fact]
    public async Task SiloExitsNonZeroWithAClearMessageWhenPostgresIsUnreachable()
    {
        var silo = Path.Combine(AppContext.BaseDirectory, "OrleansAI.Silo.dll");
        var start = new ProcessStartInfo("dotnet", [silo])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["Postgres__ConnectionString"] = LocalServices.UnreachablePostgresConnection;
        start.Environment["Urls"] = $"http://127.0.0.1:{LocalServices.FreeTcpPort()}";
        start.Environment["Cluster__SiloPort"] = LocalServices.FreeTcpPort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Cluster__GatewayPort"] = LocalServices.FreeTcpPort().ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(3, process.ExitCode);
        var message = await stderr;
        Assert.Contains("silo: cannot start: PostgreSQL at 127.0.0.1:", message);
        Assert.Contains("./oai.sh up", message);
        _ = await stdout;
    }
}
