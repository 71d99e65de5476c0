using System.Diagnostics;

namespace OrleansAI.Bench;

/// <summary>
/// Starts the local stack's services a network benchmark needs (PostgreSQL, Azurite, Anvil) with
/// <c>infra/local/stack.sh</c> when they are not running, and stops exactly those afterwards.
/// </summary>
internal sealed class StackServices : IAsyncDisposable
{
    private static readonly string[] Needed = ["pg", "azurite", "anvil"];
    private readonly string _script;
    private readonly IReadOnlyList<string> _started;

    private StackServices(string script, IReadOnlyList<string> started)
    {
        _script = script;
        _started = started;
    }

    /// <summary>Makes sure the services run; dispose to stop the ones this call started.</summary>
    public static async Task<StackServices> EnsureAsync()
    {
        var script = FindScript();
        var started = new List<string>();
        foreach (var service in Needed)
        {
            if (await RunAsync(script, "status", service) != 0)
            {
                started.Add(service);
            }
        }

        if (started.Count > 0)
        {
            Console.WriteLine($"starting {string.Join(", ", started)} with infra/local/stack.sh");
            if (await RunAsync(script, ["start", .. started]) != 0)
            {
                throw new InvalidOperationException("infra/local/stack.sh could not start the services; see its output above.");
            }
        }

        return new StackServices(script, started);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_started.Count > 0)
        {
            await RunAsync(_script, ["stop", .. _started]);
        }
    }

    private static string FindScript() =>
        Checkout.Find(Path.Combine("infra", "local", "stack.sh"))
        ?? throw new FileNotFoundException("infra/local/stack.sh was not found above the benchmark's folder or the current one; run it from the checkout.");

    private static async Task<int> RunAsync(string script, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [script, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException("bash did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (args[0] != "status")
        {
            Console.Write(await output);
            Console.Write(await errors);
        }

        return process.ExitCode;
    }
}
