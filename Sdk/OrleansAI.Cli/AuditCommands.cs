using System.CommandLine;
using System.Globalization;
using OrleansAI.Sdk.Audit;

namespace OrleansAI.Cli;

/// <summary><c>oai audit</c>: who accessed your datasets, model versions and results.</summary>
internal static class AuditCommands
{
    public static Command Create(CliContext cli)
    {
        var resource = new Option<string?>("--resource") { Description = "Only this resource, e.g. dataset/OWNER/SHA or model/OWNER/NAME/VERSION" };
        var action = new Option<string?>("--action") { Description = "Only this action, e.g. dataset.read, model.infer, result.read, key.sign" };
        var actor = new Option<string?>("--actor") { Description = "Only this actor (a client id, provider:0x…, platform)" };
        var refused = new Option<bool>("--refused") { Description = "Only refused accesses" };
        var since = new Option<DateTimeOffset?>("--since") { Description = "Only entries at or after this time (ISO 8601)" };
        var limit = new Option<int?>("--limit") { Description = "At most this many entries (1-1000, default 100)" };
        var before = new Option<long?>("--before") { Description = "Only entries older than this id (the next page)" };
        var owner = new Option<string?>("--owner") { Description = "Operators: whose entries (a client id, or platform for key material)" };
        var audit = new Command("audit", "The audit log of accesses to your datasets, model versions and results, newest first")
        {
            resource, action, actor, refused, since, limit, before, owner,
        };
        audit.SetAction(async (parse, ct) =>
        {
            using var client = cli.Connect(parse);
            var entries = await client.Audit.QueryAsync(new AuditFilter
            {
                Resource = parse.GetValue(resource),
                Action = parse.GetValue(action),
                Actor = parse.GetValue(actor),
                Allowed = parse.GetValue(refused) ? false : null,
                Since = parse.GetValue(since),
                Limit = parse.GetValue(limit),
                Before = parse.GetValue(before),
                Owner = parse.GetValue(owner),
            }, ct);
            return cli.Print(parse, entries, _ =>
            {
                Table.Write(cli.Out, ["ID", "WHEN", "COUNT", "ACTOR", "ACTION", "RESOURCE", "FROM", "OUTCOME"], entries.Select(e => (IReadOnlyList<string>)
                [
                    e.Id.ToString(CultureInfo.InvariantCulture),
                    e.LastUtc.ToString("u", CultureInfo.InvariantCulture),
                    Table.Int(e.Count),
                    e.Actor,
                    e.Action,
                    e.Resource,
                    e.Source,
                    e.Allowed ? "allowed" : $"refused{(e.Detail is { } d ? $": {d}" : "")}",
                ]));
            });
        });
        return audit;
    }
}
