using System.CommandLine;

namespace OrleansAI.Cli;

/// <summary><c>oai providers ...</c>: the online list, one provider's record, its stake.</summary>
internal static class ProviderCommands
{
    public static Command Create(CliContext cli)
    {
        var providers = new Command("providers", "Compute providers");
        var list = new Command("list", "Providers online now");
        list.SetAction(async (parse, ct) =>
        {
            using var client = cli.Connect(parse);
            var page = await client.Providers.ListAsync(cancellationToken: ct);
            return cli.Print(parse, page, _ =>
            {
                Table.Write(cli.Out, ["ADDRESS", "DEVICE", "TASKS", "REPUTATION", "PRICE", "DATASETS"], page.Items.Select(p => (IReadOnlyList<string>)
                [
                    p.Address, p.Device, Table.Int(p.RunningTasks), Table.Number(p.Reputation), p.PricePerTask.ToString(CultureInfo.InvariantCulture),
                    string.Join(",", p.Datasets) + (p.SuspendedUntil is { } s ? $" (suspended until {s:u})" : string.Empty),
                ]));
                cli.Out.WriteLine($"{page.Items.Count} of {page.Total} online");
            });
        });
        var address = new Argument<string>("address") { Description = "Provider address (0x...)" };
        var show = new Command("show", "One provider's record") { address };
        show.SetAction(async (parse, ct) =>
        {
            using var client = cli.Connect(parse);
            var p = await client.Providers.GetAsync(parse.GetValue(address)!, ct);
            return cli.Print(parse, p, _ =>
            {
                cli.Out.WriteLine($"{p.Address} {p.Status}, last seen {p.LastSeenUtc:u}");
                cli.Out.WriteLine($"  tasks: {p.TasksAssigned} assigned, {p.TasksAccepted} accepted, {p.TasksFailed} failed, {p.RunningTasks} running; earned {p.Earnings.ToString(CultureInfo.InvariantCulture)}");
                if (p.Reputation is { } r)
                {
                    cli.Out.WriteLine($"  reputation {Table.Number(r.Score)} (outcomes {Table.Number(r.OutcomeScore)}, uptime {Table.Number(r.Uptime)}, timeliness {Table.Number(r.Timeliness)}), fee x{Table.Number(r.FeeMultiplier)}");
                }

                cli.Out.WriteLine($"  {p.SuspicionCount} suspicions, {p.FraudCases?.Count ?? 0} fraud cases{(p.SuspendedUntil is { } s ? $", suspended until {s:u}" : string.Empty)}");
            });
        });
        var stakeAddress = new Argument<string>("address") { Description = "Provider address (0x...)" };
        var stake = new Command("stake", "A provider's stake on chain") { stakeAddress };
        stake.SetAction(async (parse, ct) =>
        {
            using var client = cli.Connect(parse);
            var s = await client.Providers.GetStakeAsync(parse.GetValue(stakeAddress)!, ct);
            return cli.Print(parse, s, _ =>
            {
                cli.Out.WriteLine($"{s.Address}: active {s.Active}, unbonding {s.Unbonding}, slashed {s.Slashed} (wei, as of block {s.AsOfBlock})");
            });
        });
        providers.Subcommands.Add(list);
        providers.Subcommands.Add(show);
        providers.Subcommands.Add(stake);
        return providers;
    }
}
