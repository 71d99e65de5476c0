using System.CommandLine;

namespace OrleansAI.Cli;

/// <summary><c>oai datasets ...</c>: upload and list.</summary>
internal static class DatasetCommands
{
    public static Command Create(CliContext cli)
    {
        var datasets = new Command("datasets", "Datasets for data-parallel jobs and root datasets");
        var file = new Argument<FileInfo>("file") { Description = "The dataset file" };
        var name = new Option<string?>("--name") { Description = "Display name" };
        var upload = new Command("upload", "Upload a dataset file; prints its SHA-256, the name jobs use") { file, name };
        upload.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new UsageException($"no file {path.FullName}");
            }

            using var client = cli.Connect(parse);
            var dataset = await client.Datasets.UploadFileAsync(path.FullName, parse.GetValue(name), ct);
            return cli.Print(parse, dataset, _ =>
            {
                cli.Out.WriteLine($"{dataset.Sha256} {dataset.Name}: {dataset.Examples} examples of [{string.Join(", ", dataset.ExampleShape)}], {dataset.Classes} classes");
            });
        });
        var list = new Command("list", "The caller's datasets, newest first");
        list.SetAction(async (parse, ct) =>
        {
            using var client = cli.Connect(parse);
            var all = await client.Datasets.ListAsync(ct);
            return cli.Print(parse, all, _ =>
            {
                Table.Write(cli.Out, ["SHA256", "EXAMPLES", "CLASSES", "BYTES", "NAME"], all.Select(d => (IReadOnlyList<string>)
                    [d.Sha256, Table.Int(d.Examples), Table.Int(d.Classes), Table.Int(d.Length), d.Name]));
            });
        });
        datasets.Subcommands.Add(upload);
        datasets.Subcommands.Add(list);
        return datasets;
    }
}
