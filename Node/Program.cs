using Microsoft.Extensions.Logging;
using OrleansAI.Node;

NodeArguments arguments;
try
{
    arguments = NodeArguments.Parse(args);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync($"{ex.Message}\n\n{NodeArguments.Usage}");
    return 2;
}

using var logs = LoggerFactory.Create(b => b.AddSimpleConsole(o =>
{
    o.SingleLine = true;
    o.TimestampFormat = "HH:mm:ss ";
}).SetMinimumLevel(LogLevel.Information).AddFilter("Grpc", LogLevel.Warning).AddFilter("System.Net.Http", LogLevel.Warning));
var log = logs.CreateLogger("oai-node");
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

using var channel = Fleet.Channel(arguments.Gateway);
using var blobs = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
var agents = Fleet.Create(arguments, channel, blobs, logs);
log.LogInformation("Starting {Count} provider(s) against {Gateway}: {Addresses}", agents.Count, arguments.Gateway, string.Join(", ", agents.Select(a => a.Address)));
await Task.WhenAll(agents.Select(a => a.RunAsync(stop.Token)));
return 0;
