using System.CommandLine;
using OrleansAI.Sdk.Models;

namespace OrleansAI.Cli;

/// <summary><c>oai models ...</c>: list, show with provenance, deploy and undeploy.</summary>
internal static class ModelCommands
{
    public static Command Create(CliContext cli)
    {
        var models = new Command("models", "Trained models and their deployments");
        models.Subcommands.Add(List(cli));
        models.Subcommands.Add(Show(cli));
        models.Subcommands.Add(Deploy(cli));
        models.Subcommands.Add(Undeploy(cli));
        return models;
    }

    private static Command List(CliContext cli)
    {
        var command = new Command("list", "The caller's models with their latest version");
        command.SetAction(async (parse, ct) =>
        {
            using var client = cli.Connect(parse);
            var models = await client.Models.ListAsync(ct);
            return cli.Print(parse, models, _ =>
            {
                Table.Write(cli.Out, ["NAME", "VERSIONS", "LATEST", "ACCURACY", "JOB"], models.Select(m => (IReadOnlyList<string>)
                [
                    m.Name, string.Join(",", m.Versions), m.Latest is { } l ? $"v{l.Version}" : "-", Table.Percent(m.Latest?.Accuracy), m.Latest?.Job ?? "-",
                ]));
            });
        });
        return command;
    }

    private static Command Show(CliContext cli)
    {
        var name = new Argument<string>("name") { Description = "Model name" };
        var version = new Argument<int?>("version") { Description = "Version (default: the latest)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("show", "A model version with its provenance") { name, version };
        command.SetAction(async (parse, ct) =>
        {
            using var client = cli.Connect(parse);
            var modelName = parse.GetValue(name)!;
            var wanted = parse.GetValue(version) ?? (await client.Models.GetAsync(modelName, ct)).Latest?.Version
                ?? throw new UsageException($"model '{modelName}' has no version yet");
            var v = await client.Models.GetVersionAsync(modelName, wanted, ct);
            return cli.Print(parse, v, _ =>
            {
                cli.Out.WriteLine($"{v.Name} v{v.Version}: accuracy {Table.Percent(v.Accuracy)}, loss {Table.Number(v.Loss)}");
                cli.Out.WriteLine($"  weights {v.Weights} ({Table.Int(v.WeightsBytes)} bytes), initial {v.InitialWeights}");
                cli.Out.WriteLine($"  trained by {v.Job}: {v.Rounds} rounds of {v.Strategy}{(v.ParentVersion is { } p ? $", from v{p}" : string.Empty)}, {v.Created:u}");
                Table.Write(cli.Out, ["ROUND", "PROVIDER", "EXAMPLES", "RESULT"], v.Contributions.Select(c => (IReadOnlyList<string>)
                    [Table.Int(c.Round), c.Provider, Table.Int(c.Examples), c.ResultSha256]));
            });
        });
        return command;
    }

    private static Command Deploy(CliContext cli)
    {
        var name = new Argument<string>("name") { Description = "Model name" };
        var version = new Argument<int>("version") { Description = "Version" };
        var replicas = new Option<int?>("--replicas") { Description = "Nodes asked to hold it (default 3)" };
        var replication = new Option<int?>("--replication") { Description = "Nodes each request runs on and is compared across (default 1)" };
        var audit = new Option<double?>("--audit-rate") { Description = "Share of requests re-run on another node afterwards" };
        var verify = new Option<double?>("--verify-rate") { Description = "Share of requests the platform re-computes itself" };
        var tolerance = new Option<double?>("--tolerance") { Description = "Largest output difference that still agrees (0 compares classes)" };
        var wait = new Option<int>("--wait") { Description = "Seconds to wait until it serves (0: do not wait)", DefaultValueFactory = _ => 0 };
        var command = new Command("deploy", "Serve a version through the Open Inference Protocol") { name, version, replicas, replication, audit, verify, tolerance, wait };
        command.SetAction(async (parse, ct) =>
        {
            using var client = cli.Connect(parse);
            var settings = new DeploymentRequest(parse.GetValue(replicas), parse.GetValue(replication), parse.GetValue(audit), parse.GetValue(tolerance), parse.GetValue(verify));
            var seconds = parse.GetValue(wait);
            var deployment = seconds > 0
                ? await client.Models.DeployAndWaitAsync(parse.GetValue(name)!, parse.GetValue(version), settings, TimeSpan.FromSeconds(seconds), ct)
                : await client.Models.DeployAsync(parse.GetValue(name)!, parse.GetValue(version), settings, ct);
            Write(cli, parse, deployment);
            return 0;
        });
        return command;
    }

    private static Command Undeploy(CliContext cli)
    {
        var name = new Argument<string>("name") { Description = "Model name" };
        var version = new Argument<int>("version") { Description = "Version" };
        var command = new Command("undeploy", "Take a version out of service") { name, version };
        command.SetAction(async (parse, ct) =>
        {
            using var client = cli.Connect(parse);
            Write(cli, parse, await client.Models.UndeployAsync(parse.GetValue(name)!, parse.GetValue(version), ct));
            return 0;
        });
        return command;
    }

    private static void Write(CliContext cli, ParseResult parse, DeploymentView d)
    {
        if (cli.WantsJson(parse))
        {
            cli.WriteJson(d);
            return;
        }

        cli.Out.WriteLine($"{d.Name} v{d.Version} {d.Status}: {d.Nodes.Count(n => n.State == "ready")}/{d.Settings.Replicas} nodes ready, call POST {d.InferUrl}");
    }
}
