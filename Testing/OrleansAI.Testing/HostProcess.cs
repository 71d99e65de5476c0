using System.Diagnostics;
using System.Globalization;

namespace OrleansAI.Testing;

/// <summary>Runs one of our executables (built next to the test) as a real process, as an operator would.</summary>
public static class HostProcess
{
    /// <summary>The outcome of a run that ended by itself.</summary>
    /// <param name="ExitCode">The process exit code.</param>
    /// <param name="StandardOutput">Everything written to stdout.</param>
    /// <param name="StandardError">Everything written to stderr.</param>
    public sealed record Outcome(int ExitCode, string StandardOutput, string StandardError);

    /// <summary>
    /// Starts <c>dotnet {assembly}.dll</c> from the test's output folder with the given settings as
    /// environment variables (":" becomes "__"), on free plaintext HTTP and Orleans ports (with
    /// <c>Tls:AllowPlaintext</c> unless the settings say otherwise), and waits for it to exit.
    /// </summary>
    public static async Task<Outcome> RunUntilExitAsync(string assembly, IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, assembly + ".dll")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["Urls"] = $"http://127.0.0.1:{LocalServices.FreeTcpPort()}";
        // These runs test other start-up failures; plaintext's own refusal is tested with the switch off.
        start.Environment["Tls__AllowPlaintext"] = "true";
        start.Environment["Cluster__SiloPort"] = LocalServices.FreeTcpPort().ToString(CultureInfo.InvariantCulture);
        start.Environment["Cluster__GatewayPort"] = LocalServices.FreeTcpPort().ToString(CultureInfo.InvariantCulture);
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {assembly}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{assembly} was still running after {timeout}; it should have exited.");
        }

        return new Outcome(process.ExitCode, await stdout, await stderr);
    }
}
