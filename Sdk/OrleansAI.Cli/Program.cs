using OrleansAI.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl-C stops waiting (a watched job keeps running); a second one ends the process.
    e.Cancel = !cancel.IsCancellationRequested;
    cancel.Cancel();
};
return await OaiCli.RunAsync(args, Console.Out, Console.Error, connect: null, cancel.Token);
