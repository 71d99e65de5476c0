// oai-deploy: deploys the OrleansAI contracts and writes the deployment file the platform reads,
// and funds and stakes a local simulated fleet (`oai-deploy --help`; DeployCommandLine has it all).
using OrleansAI.Deploy;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await DeployCli.RunAsync(args, Console.Out, Console.Error, (request, ct) => DeployCommands.ExecuteAsync(request, Console.Out, ct), cancel.Token);
