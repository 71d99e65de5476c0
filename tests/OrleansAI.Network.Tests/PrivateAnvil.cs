using System.Diagnostics;
using Nethereum.Web3;
using OrleansAI.Testing.Network;

namespace OrleansAI.Network.Tests;

/// <summary>
/// An Anvil of the test's own (the local stack's binary, a free port, chain 31337) whose clock is
/// the wall clock: the shared chain's clock runs ahead wherever other tests moved it, which a job
/// with a deadline a minute away cannot live with.
/// </summary>
internal sealed class PrivateAnvil : IAsyncDisposable
{
    private readonly Process _process;

    private PrivateAnvil(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    /// <summary>Its JSON-RPC address.</summary>
    public string Url { get; }

    /// <summary>Starts one and waits until it answers.</summary>
    public static async Task<PrivateAnvil> StartAsync()
    {
        // Where infra/local/stack.sh finds it: OAI_ANVIL_BIN, else the npm package for this machine.
        var arch = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "arm64" : "amd64";
        var binary = Environment.GetEnvironmentVariable("OAI_ANVIL_BIN") is { Length: > 0 } configured
            ? configured
            : Checkout.Find(Path.Combine("infra", "local", "node_modules", "@foundry-rs", $"anvil-linux-{arch}", "bin", "anvil"))
                ?? throw new InvalidOperationException("The local stack's anvil binary is missing (infra/local/stack.sh install).");
        var port = LocalServices.FreeTcpPort();
        var process = Process.Start(new ProcessStartInfo(binary, ["--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--chain-id", "31337", "--silent"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("anvil did not start");
        var anvil = new PrivateAnvil(process, $"http://127.0.0.1:{port}");
        var web3 = new Web3(anvil.Url);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await web3.Eth.ChainId.SendRequestAsync();
                return anvil;
            }
            catch (Exception) when (attempt < 100 && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
