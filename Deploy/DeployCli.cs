using System.CommandLine;
using Nethereum.JsonRpc.Client;

namespace OrleansAI.Deploy;

/// <summary>The <c>oai-deploy</c> command line; exit codes 0 done, 1 failed, 2 bad usage, 3 check: not deployed.</summary>
public static class DeployCli
{
    /// <summary>Parses <paramref name="args"/> and hands the request to <paramref name="execute"/>.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Where results and help go.</param>
    /// <param name="error">Where problems go.</param>
    /// <param name="execute">Carries out a parsed request and returns its exit code; tests pass one that only records it.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, Func<DeployRequest, CancellationToken, Task<int>> execute, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(execute);
        var root = DeployCommandLine.Create(execute);
        if (args.Count == 0)
        {
            // Scripts have always been told "usage" by exit code 2 here, with the usage on stdout.
            WriteHelp(root, root, output);
            return 2;
        }

        // `oai-deploy help [COMMAND]` is what `--help` is.
        var parse = root.Parse(args[0] == "help" ? [.. args.Skip(1), "--help"] : args, DeployCommandLine.Parser);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                await error.WriteLineAsync($"oai-deploy: {problem.Message}");
            }

            await error.WriteLineAsync();
            WriteHelp(root, parse.CommandResult.Command, error);
            return 2;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (UsageException ex)
        {
            await error.WriteLineAsync($"oai-deploy: {ex.Message}");
            return 2;
        }
        catch (SettlementException ex)
        {
            await error.WriteLineAsync($"oai-deploy: {ex.Message}");
            return 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or InvalidDataException or IOException
            or RpcClientUnknownException or RpcResponseException or OperationCanceledException)
        {
            await error.WriteLineAsync($"oai-deploy: {ex.GetType().Name}: {ex.Message}");
            return 1;
        }
    }

    // System.CommandLine writes help only as the action of --help, so ask for it.
    private static void WriteHelp(RootCommand root, Command command, TextWriter writer) =>
        root.Parse(command == root ? ["--help"] : [command.Name, "--help"], DeployCommandLine.Parser)
            .Invoke(new InvocationConfiguration { Output = writer, Error = writer });
}
