using Microsoft.Extensions.Logging;
using OrleansAI.Node;
using OrleansAI.Node.Host;
using OrleansAI.Tls;

var arguments = NodeArguments.Parse(args, Console.Out, Console.Error, out var exitCode);
if (arguments is null)
{
    return exitCode;
}

using var logs = LoggerFactory.Create(b => b.AddSimpleConsole(o =>
{
    o.SingleLine = true;
    o.TimestampFormat = "HH:mm:ss ";
}).SetMinimumLevel(LogLevel.Information).AddFilter("Grpc", LogLevel.Warning).AddFilter("System.Net.Http", LogLevel.Warning));
var log = logs.CreateLogger("oai-node");
PinnedCertificateAuthority? authority;
try
{
    authority = arguments.CaFile is { } caFile ? PinnedCertificateAuthority.FromPemFile(caFile) : null;
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync($"--ca: {ex.Message}");
    return 2;
}

if (arguments.Gateway.Scheme == Uri.UriSchemeHttp)
{
    log.LogWarning("--allow-plaintext: the gateway at {Gateway} is reached without TLS (development only)", arguments.Gateway);
}

using var pin = authority;
using var channel = GatewayChannel.Create(arguments.Gateway, authority);
using var blobs = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
IReadOnlyList<ProviderAgent> agents;
try
{
    agents = NodeAgents.Create(arguments, channel, blobs, logs);
}
catch (ArgumentException ex)
{
    // A single node without --key-file or OAI_NODE_KEY: a usage error, not a crash.
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

// Not disposed: ProcessExit fires after Main has returned (after Ctrl-C, say), and cancelling a
// disposed source there would crash the exit. It holds no timer, so there is nothing to release.
var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

log.LogInformation("Starting {Count} provider(s) against {Gateway}: {Addresses}", agents.Count, arguments.Gateway, string.Join(", ", agents.Select(a => a.Address)));
await Task.WhenAll(agents.Select(a => a.RunAsync(stop.Token)));
return 0;
