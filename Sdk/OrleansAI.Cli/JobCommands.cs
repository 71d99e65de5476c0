using System.CommandLine;
using System.Text.Json;
using OrleansAI.Sdk.Jobs;

namespace OrleansAI.Cli;

/// <summary><c>oai jobs ...</c>: submit, list, show, watch, cancel, and read a round.</summary>
internal static class JobCommands
{
    public static Command Create(CliContext cli)
    {
        var jobs = new Command("jobs", "Training jobs");
        jobs.Subcommands.Add(Submit(cli));
        jobs.Subcommands.Add(List(cli));
        jobs.Subcommands.Add(Show(cli));
        jobs.Subcommands.Add(Watch(cli));
        jobs.Subcommands.Add(Cancel(cli));
        jobs.Subcommands.Add(Round(cli));
        return jobs;
    }

    private static Command Submit(CliContext cli)
    {
        var spec = new Argument<FileInfo>("spec") { Description = "The model spec (JSON)" };
        var name = new Option<string?>("--name") { Description = "Display name" };
        var model = new Option<string?>("--model") { Description = "Name to register the trained model under" };
        var dataset = new Option<string?>("--dataset") { Description = "Federated: the dataset providers hold; data-parallel: the SHA-256 of an uploaded dataset" };
        var mode = new Option<string?>("--mode") { Description = "federated (default) or data-parallel" };
        var shards = new Option<int?>("--shards") { Description = "Data-parallel: shards the dataset is split into" };
        var rounds = new Option<int?>("--rounds") { Description = "Rounds (default 10)" };
        var strategy = new Option<string?>("--strategy") { Description = "Aggregation strategy, e.g. fedavg, trimmed:0.2, krum:1" };
        var minProviders = new Option<int?>("--min-providers") { Description = "Fewest providers per round" };
        var fraction = new Option<double?>("--fraction") { Description = "Share of available providers asked per round" };
        var quorum = new Option<int?>("--quorum") { Description = "Fewest results a round needs at its deadline" };
        var epochs = new Option<int?>("--local-epochs") { Description = "Local epochs per round" };
        var learningRate = new Option<double?>("--learning-rate") { Description = "Local learning rate" };
        var batchSize = new Option<int?>("--batch-size") { Description = "Local batch size" };
        var compression = new Option<string?>("--compression") { Description = "none, int8, topk:F or topk:F+int8" };
        var timeout = new Option<int?>("--round-timeout") { Description = "Seconds a round waits for results" };
        var budget = new Option<string?>("--budget") { Description = "Budget in token wei (decimal); the job waits for its escrow" };
        var rootDataset = new Option<string?>("--root-dataset") { Description = "Federated: SHA-256 of an uploaded root dataset (FLTrust)" };
        var watch = new Option<bool>("--watch") { Description = "Follow the job until it finishes" };
        var idempotencyKey = new Option<string?>("--idempotency-key") { Description = "Submit at most once under this key (kept a day): rerunning the command answers the same job" };
        var command = new Command("submit", "Submit a training job")
        {
            spec, name, model, dataset, mode, shards, rounds, strategy, minProviders, fraction, quorum, epochs, learningRate, batchSize, compression, timeout, budget, rootDataset, watch, idempotencyKey,
        };
        command.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(spec)!;
            JsonElement specJson;
            try
            {
                using var document = JsonDocument.Parse(await File.ReadAllTextAsync(file.FullName, ct));
                specJson = document.RootElement.Clone();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
            {
                throw new UsageException($"cannot read the spec {file.FullName}: {ex.Message}");
            }

            var defaults = new JobRequest();
            var request = new JobRequest
            {
                Spec = specJson,
                Name = parse.GetValue(name),
                Model = parse.GetValue(model),
                Dataset = parse.GetValue(dataset) ?? defaults.Dataset,
                Mode = parse.GetValue(mode) ?? defaults.Mode,
                Shards = parse.GetValue(shards),
                Rounds = parse.GetValue(rounds) ?? defaults.Rounds,
                Strategy = parse.GetValue(strategy) ?? defaults.Strategy,
                MinProviders = parse.GetValue(minProviders) ?? defaults.MinProviders,
                FractionPerRound = parse.GetValue(fraction) ?? defaults.FractionPerRound,
                Quorum = parse.GetValue(quorum) ?? defaults.Quorum,
                LocalEpochs = parse.GetValue(epochs) ?? defaults.LocalEpochs,
                LearningRate = parse.GetValue(learningRate) ?? defaults.LearningRate,
                BatchSize = parse.GetValue(batchSize) ?? defaults.BatchSize,
                Compression = parse.GetValue(compression) ?? defaults.Compression,
                RoundTimeoutSeconds = parse.GetValue(timeout) ?? defaults.RoundTimeoutSeconds,
                Budget = parse.GetValue(budget) ?? defaults.Budget,
                RootDataset = parse.GetValue(rootDataset),
            };
            using var client = cli.Connect(parse);
            var job = parse.GetValue(idempotencyKey) is { Length: > 0 } key
                ? await client.Jobs.SubmitAsync(request, key, ct)
                : await client.Jobs.SubmitAsync(request, ct);
            cli.Print(parse, job, _ =>
            {
                cli.Out.WriteLine($"{job.Id} {Status(job.Status)}: {job.Name}, {job.Rounds} rounds, {job.Strategy}, model '{job.Model}'");
                if (job.EscrowJobId is { } escrow)
                {
                    cli.Out.WriteLine($"fund its escrow: JobEscrow.postJob({escrow}, {job.Budget}) from the client's wallet");
                }
            });

            return parse.GetValue(watch) ? await FollowAsync(cli, client, job.Id, parse, ct) : 0;
        });
        return command;
    }

    private static Command List(CliContext cli)
    {
        var skip = new Option<int>("--skip") { Description = "Jobs to skip", DefaultValueFactory = _ => 0 };
        var take = new Option<int>("--take") { Description = "Page size", DefaultValueFactory = _ => 20 };
        var command = new Command("list", "The caller's jobs, newest first") { skip, take };
        command.SetAction(async (parse, ct) =>
        {
            using var client = cli.Connect(parse);
            var page = await client.Jobs.ListAsync(parse.GetValue(skip), parse.GetValue(take), ct);
            return cli.Print(parse, page, _ =>
            {
                Table.Write(cli.Out, ["ID", "STATUS", "ROUNDS", "ACCURACY", "MODEL", "NAME"], page.Items.Select(j => (IReadOnlyList<string>)
                [
                    j.Id, Status(j.Status), $"{j.RoundsCompleted}/{j.Rounds}", Table.Percent(j.History.LastOrDefault(r => r.Accuracy is not null)?.Accuracy),
                    j.ModelVersion is { } v ? $"{j.Model} v{v}" : "-", j.Name,
                ]));
                cli.Out.WriteLine($"{page.Items.Count} of {page.Total}");
            });
        });
        return command;
    }

    private static Command Show(CliContext cli)
    {
        var id = new Argument<string>("id") { Description = "Job id" };
        var command = new Command("show", "One job with its rounds") { id };
        command.SetAction(async (parse, ct) =>
        {
            using var client = cli.Connect(parse);
            var job = await client.Jobs.GetAsync(parse.GetValue(id)!, ct);
            return cli.Print(parse, job, _ =>
            {
                cli.Out.WriteLine($"{job.Id} {Status(job.Status)}{(job.StatusReason.Length > 0 ? $" ({job.StatusReason})" : string.Empty)}");
                cli.Out.WriteLine($"  {job.Name}: {job.Mode}, {job.Strategy}, dataset {job.Dataset}, {job.RoundsCompleted}/{job.Rounds} rounds, deadline {job.Deadline:u}");
                if (job.ModelVersion is { } version)
                {
                    cli.Out.WriteLine($"  model {job.Model} v{version}");
                }

                WriteRounds(cli.Out, job.History);
            });
        });
        return command;
    }

    private static Command Watch(CliContext cli)
    {
        var id = new Argument<string>("id") { Description = "Job id" };
        var command = new Command("watch", "Follow a job until it finishes (exit code 0 when it completes)") { id };
        command.SetAction(async (parse, ct) =>
        {
            using var client = cli.Connect(parse);
            return await FollowAsync(cli, client, parse.GetValue(id)!, parse, ct);
        });
        return command;
    }

    private static Command Cancel(CliContext cli)
    {
        var id = new Argument<string>("id") { Description = "Job id" };
        var command = new Command("cancel", "Cancel a job; its outstanding tasks are withdrawn") { id };
        command.SetAction(async (parse, ct) =>
        {
            using var client = cli.Connect(parse);
            var job = await client.Jobs.CancelAsync(parse.GetValue(id)!, ct);
            return cli.Print(parse, job, _ =>
            {
                cli.Out.WriteLine($"{job.Id} {Status(job.Status)}");
            });
        });
        return command;
    }

    private static Command Round(CliContext cli)
    {
        var id = new Argument<string>("id") { Description = "Job id" };
        var round = new Argument<int>("round") { Description = "Round number" };
        var command = new Command("round", "One round in full: every result and every check") { id, round };
        command.SetAction(async (parse, ct) =>
        {
            using var client = cli.Connect(parse);
            var detail = await client.Jobs.GetRoundAsync(parse.GetValue(id)!, parse.GetValue(round), ct);
            return cli.Print(parse, detail, _ =>
            {
                cli.Out.WriteLine($"round {detail.Round} {detail.Status}, attempt {detail.Attempt}{(detail.KeptBecause is { } kept ? $", model kept: {kept}" : string.Empty)}");
                Table.Write(cli.Out, ["PROVIDER", "TASK", "EXAMPLES", "USED", "PAID", "NOTE"], detail.Contributions.Select(c => (IReadOnlyList<string>)
                    [c.Provider, c.TaskId, Table.Int(c.Examples), c.Used ? "yes" : "no", c.IsPaid ? "yes" : "no", c.Note]));
                foreach (var check in detail.Checks)
                {
                    cli.Out.WriteLine($"item {check.Item}: {check.Outcome}; {string.Join(", ", check.Results.Select(r => $"{r.Provider} {r.Role} {r.Standing}"))}");
                }

            });
        });
        return command;
    }

    /// <summary>Prints each event as it comes and returns 0 if the job completed, 1 otherwise.</summary>
    private static async Task<int> FollowAsync(CliContext cli, OaiClient client, string id, ParseResult parse, CancellationToken ct)
    {
        var json = cli.WantsJson(parse);
        await foreach (var e in client.Jobs.WatchAsync(id, ct))
        {
            if (json)
            {
                cli.Out.WriteLine(JsonSerializer.Serialize(e, OaiJson.Options));
            }
            else if (e.Round is { } r)
            {
                WriteRounds(cli.Out, [r]);
            }
            else if (e.Kind is "model")
            {
                cli.Out.WriteLine($"registered {e.Model} v{e.ModelVersion}");
            }
            else
            {
                cli.Out.WriteLine($"{e.Kind}: {Status(e.Status)}{(e.Reason.Length > 0 ? $" ({e.Reason})" : string.Empty)}");
            }
        }

        var job = await client.Jobs.WaitAsync(id, ct);
        if (!json)
        {
            cli.Out.WriteLine($"{job.Id} {Status(job.Status)}{(job.ModelVersion is { } v ? $": {job.Model} v{v}" : string.Empty)}");
        }

        return job.Status == JobStatus.Completed ? 0 : 1;
    }

    private static void WriteRounds(TextWriter output, IEnumerable<RoundView> rounds)
    {
        foreach (var r in rounds)
        {
            var what = r.Evaluation ? "evaluation" : $"round {r.Round}";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {what}: {r.Participants}/{r.Assigned} results, accuracy {Table.Percent(r.Accuracy)}, loss {Table.Number(r.Loss)}, {r.BytesIn + r.BytesOut:N0} bytes, {r.WallMs / 1000:0.0} s{(r.KeptBecause is { } k ? $", kept: {k}" : string.Empty)}{(r.EpsilonSpent is { } e ? $", ε spent {e:0.###}" : string.Empty)}"));
        }
    }

    private static string Status(JobStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());
}
