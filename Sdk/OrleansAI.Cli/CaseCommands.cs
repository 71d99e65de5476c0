using System.CommandLine;
using OrleansAI.Sdk.Cases;

namespace OrleansAI.Cli;

/// <summary><c>oai cases ...</c>: fraud cases, and for operators the disputes to decide.</summary>
internal static class CaseCommands
{
    public static Command Create(CliContext cli)
    {
        var cases = new Command("cases", "Fraud cases (listing and resolving need an operator key)");
        var status = new Option<FraudCaseStatus?>("--status") { Description = "Only cases in this status, e.g. disputed" };
        var list = new Command("list", "Every provider's cases, newest first") { status };
        list.SetAction(async (parse, ct) =>
        {
            using var client = cli.Connect(parse);
            var all = await client.Cases.ListAsync(parse.GetValue(status), cancellationToken: ct);
            return cli.Print(parse, all, _ =>
            {
                Table.Write(cli.Out, ["ID", "STATUS", "KIND", "PROVIDER", "OPENED"], all.Select(c => (IReadOnlyList<string>)
                    [c.Id, c.Status.ToString(), c.Kind, c.Provider, c.OpenedUtc.ToString("u", System.Globalization.CultureInfo.InvariantCulture)]));
            });
        });
        var id = new Argument<string>("id") { Description = "Case id" };
        var show = new Command("show", "One case with its evidence") { id };
        show.SetAction(async (parse, ct) =>
        {
            using var client = cli.Connect(parse);
            Write(cli, parse, await client.Cases.GetAsync(parse.GetValue(id)!, ct));
            return 0;
        });
        var resolveId = new Argument<string>("id") { Description = "Case id" };
        var upheld = new Option<bool>("--upheld") { Description = "Whether the provider's dispute is upheld (restores its stake)", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why (kept with the case)", Required = true };
        var resolve = new Command("resolve", "Decide a disputed case") { resolveId, upheld, reason };
        resolve.SetAction(async (parse, ct) =>
        {
            using var client = cli.Connect(parse);
            Write(cli, parse, await client.Cases.ResolveAsync(parse.GetValue(resolveId)!, parse.GetValue(upheld), parse.GetValue(reason)!, ct));
            return 0;
        });
        cases.Subcommands.Add(list);
        cases.Subcommands.Add(show);
        cases.Subcommands.Add(resolve);
        return cases;
    }

    private static void Write(CliContext cli, ParseResult parse, FraudCase c)
    {
        if (cli.WantsJson(parse))
        {
            cli.WriteJson(c);
            return;
        }

        cli.Out.WriteLine($"{c.Id} {c.Status}: {c.Kind} against {c.Provider}, {c.Detail}");
        if (c.Evidence is null)
        {
            cli.Out.WriteLine("  evidence: not shown (the case concerns another client)");
        }

        foreach (var a in c.Evidence?.Answers ?? [])
        {
            cli.Out.WriteLine($"  {a.Provider} {(a.InMajority ? "majority" : "dissent")} {a.OutputSha256}");
        }

        if (c.Resolution is { } resolution)
        {
            cli.Out.WriteLine($"  resolution: {resolution}");
        }
    }
}
