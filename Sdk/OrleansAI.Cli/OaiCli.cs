using System.CommandLine;
using System.Net;

namespace OrleansAI.Cli;

/// <summary>The <c>oai</c> command line over the SDK; exit codes 0 success, 1 refused or failed, 2 bad usage.</summary>
public static class OaiCli
{
    /// <summary>Runs one command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where problems go.</param>
    /// <param name="connect">Makes the client for an address and key; a client of its own per call when null (tests pass one over a test server).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<Uri, string, OaiClient>? connect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var cli = new CliContext(connect is null ? ((url, key, options) => new OaiClient(url, key, options)) : (url, key, _) => connect(url, key), output, error);
        var root = new RootCommand("oai: the OrleansAI network from a shell. Connection: --url/$OAI_URL, --key/$OAI_API_KEY, --ca/$OAI_CA_FILE (the server's CA, pinned).")
        {
            JobCommands.Create(cli),
            ModelCommands.Create(cli),
            DatasetCommands.Create(cli),
            ProviderCommands.Create(cli),
            CaseCommands.Create(cli),
            InferCommand.Create(cli),
            GrantCommands.Create(cli),
            AuditCommands.Create(cli),
        };
        root.Options.Add(cli.Url);
        root.Options.Add(cli.Key);
        root.Options.Add(cli.Json);
        root.Options.Add(cli.Ca);
        root.Options.Add(cli.AllowPlaintext);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                await error.WriteLineAsync($"oai: {problem.Message}");
            }

            return 2;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (UsageException ex)
        {
            await error.WriteLineAsync($"oai: {ex.Message}");
            return 2;
        }
        catch (OaiApiException ex)
        {
            await error.WriteLineAsync($"oai: {(int)ex.Status} {ex.Title}{(ex.Detail is { Length: > 0 } d ? $": {d}" : string.Empty)}");
            foreach (var (field, reasons) in ex.Errors)
            {
                foreach (var reason in reasons)
                {
                    await error.WriteLineAsync($"  {field}: {reason}");
                }
            }

            if (ex.Status == HttpStatusCode.Unauthorized)
            {
                await error.WriteLineAsync("  (check --key or OAI_API_KEY)");
            }
            else if (ex.Status == HttpStatusCode.Forbidden)
            {
                await error.WriteLineAsync("  (this needs a key with the operator role)");
            }

            return 1;
        }
        catch (HttpRequestException ex)
        {
            await error.WriteLineAsync($"oai: cannot reach the API: {ex.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("oai: stopped waiting");
            return 130;
        }
    }
}
