using System.CommandLine;
using OrleansAI.Sdk.Access;

namespace OrleansAI.Cli;

/// <summary><c>oai grants ...</c>: rights on the caller's datasets and model versions for other clients.</summary>
internal static class GrantCommands
{
    public static Command Create(CliContext cli)
    {
        var grants = new Command("grants", "Share a dataset or a model version with another client (read or use), revoke it, list grants");
        var give = new Command("give", "Give another client read or use of one of your datasets or model versions");
        var to = new Option<string>("--to") { Description = "The client that receives the right", Required = true };
        var rights = new Option<string>("--rights") { Description = "read (see it) or use (also train on the dataset, call the model as OWNER.MODEL)", Required = true };
        rights.AcceptOnlyFromAmong("read", "use");
        var target = new Target(give);
        give.Options.Add(to);
        give.Options.Add(rights);
        give.SetAction(async (parse, ct) =>
        {
            using var client = cli.Connect(parse);
            var grant = target.IsDataset(parse, out var sha, out var model, out var version)
                ? await client.Grants.GrantDatasetAsync(sha!, parse.GetValue(to)!, parse.GetValue(rights)!, ct)
                : await client.Grants.GrantModelAsync(model!, version, parse.GetValue(to)!, parse.GetValue(rights)!, ct);
            return cli.Print(parse, grant, g => cli.Out.WriteLine(
                $"{g.Grantee} may {g.Rights} {Describe(g)}{(g.InferenceName is { } n && g.Rights == "use" ? $" (inference name {n})" : "")}"));
        });

        var revoke = new Command("revoke", "Take another client's right on one of your datasets or model versions away");
        var from = new Option<string>("--from") { Description = "The client whose right goes", Required = true };
        var revoked = new Target(revoke);
        revoke.Options.Add(from);
        revoke.SetAction(async (parse, ct) =>
        {
            using var client = cli.Connect(parse);
            if (revoked.IsDataset(parse, out var sha, out var model, out var version))
            {
                await client.Grants.RevokeDatasetAsync(sha!, parse.GetValue(from)!, ct);
            }
            else
            {
                await client.Grants.RevokeModelAsync(model!, version, parse.GetValue(from)!, ct);
            }

            cli.Out.WriteLine($"revoked {parse.GetValue(from)}'s right");
            return 0;
        });

        var list = new Command("list", "The rights other clients hold on one of your datasets or model versions");
        var listed = new Target(list);
        list.SetAction(async (parse, ct) =>
        {
            using var client = cli.Connect(parse);
            var all = listed.IsDataset(parse, out var sha, out var model, out var version)
                ? await client.Grants.ListDatasetAsync(sha!, ct)
                : await client.Grants.ListModelAsync(model!, version, ct);
            return cli.Print(parse, all, _ => Write(cli, all));
        });

        var received = new Command("received", "The rights other clients gave you");
        received.SetAction(async (parse, ct) =>
        {
            using var client = cli.Connect(parse);
            var all = await client.Grants.ReceivedAsync(ct);
            return cli.Print(parse, all, _ => Write(cli, all));
        });

        grants.Subcommands.Add(give);
        grants.Subcommands.Add(revoke);
        grants.Subcommands.Add(list);
        grants.Subcommands.Add(received);
        return grants;
    }

    private static void Write(CliContext cli, IReadOnlyList<GrantView> all) =>
        Table.Write(cli.Out, ["GRANTEE", "RIGHTS", "OWNER", "RESOURCE", "SINCE"], all.Select(g => (IReadOnlyList<string>)
            [g.Grantee, g.Rights, g.Owner, Describe(g), g.GrantedUtc.ToString("u", System.Globalization.CultureInfo.InvariantCulture)]));

    private static string Describe(GrantView g) =>
        g.Kind == "dataset" ? $"dataset {g.Name}" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"model {g.Name} version {g.Version}");

    /// <summary>A dataset (<c>--dataset SHA</c>) or a model version (<c>--model NAME --version N</c>), exactly one.</summary>
    private sealed class Target
    {
        private readonly Option<string?> _dataset = new("--dataset") { Description = "The dataset's SHA-256" };
        private readonly Option<string?> _model = new("--model") { Description = "The model's name (with --version)" };
        private readonly Option<int?> _version = new("--version") { Description = "The model version" };

        public Target(Command command)
        {
            command.Options.Add(_dataset);
            command.Options.Add(_model);
            command.Options.Add(_version);
        }

        public bool IsDataset(ParseResult parse, out string? sha, out string? model, out int version)
        {
            sha = parse.GetValue(_dataset);
            model = parse.GetValue(_model);
            version = parse.GetValue(_version) ?? 0;
            if (sha is not null && model is null && parse.GetValue(_version) is null)
            {
                return true;
            }

            return sha is null && model is not null && version > 0
                ? false
                : throw new UsageException("name a dataset (--dataset SHA) or a model version (--model NAME --version N)");
        }
    }
}
