using System.CommandLine;
using System.Text.Json;
using OrleansAI.Sdk.Inference;

namespace OrleansAI.Cli;

/// <summary><c>oai infer MODEL --input FILE</c>: one Open Inference Protocol call.</summary>
internal static class InferCommand
{
    public static Command Create(CliContext cli)
    {
        var model = new Argument<string>("model") { Description = "Model name" };
        var input = new Option<FileInfo>("--input") { Description = "An Open Inference Protocol request body (JSON with \"inputs\")", Required = true };
        var version = new Option<int?>("--version") { Description = "Version (default: the newest deployed)" };
        var replication = new Option<int?>("--replication") { Description = "Nodes to run it on and compare (majority wins)" };
        var command = new Command("infer", "Call a deployed model") { model, input, version, replication };
        command.SetAction(async (parse, ct) =>
        {
            var request = Read(parse.GetValue(input)!, parse.GetValue(replication));
            using var client = cli.Connect(parse);
            var response = await client.Inference.InferAsync(parse.GetValue(model)!, request, parse.GetValue(version), ct);
            if (cli.WantsJson(parse) || response.Outputs.All(o => o.Name != "label"))
            {
                cli.WriteJson(response);
                return 0;
            }

            cli.Out.WriteLine($"{response.ModelName} v{response.ModelVersion}: labels {string.Join(" ", response.Output("label").ToInt64s())}");
            return 0;
        });
        return command;
    }

    /// <summary>Reads an OIP request file; nested data arrays are flattened row-major, as the protocol allows.</summary>
    internal static InferenceRequest Read(FileInfo file, int? replication)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(file.FullName));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new UsageException($"cannot read the request {file.FullName}: {ex.Message}");
        }

        using (document)
        {
            if (!document.RootElement.TryGetProperty("inputs", out var inputs) || inputs.ValueKind != JsonValueKind.Array)
            {
                throw new UsageException($"{file.Name} has no \"inputs\" array");
            }

            var list = new List<InferenceInput>();
            foreach (var tensor in inputs.EnumerateArray())
            {
                try
                {
                    var name = tensor.GetProperty("name").GetString() ?? string.Empty;
                    var shape = tensor.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
                    var values = new List<float>();
                    Flatten(tensor.GetProperty("data"), values);
                    list.Add(InferenceInput.Fp32(name, [.. values], shape));
                }
                catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
                {
                    throw new UsageException($"{file.Name}: each input needs a name, a shape and numeric data that fills it ({ex.Message})");
                }
            }

            return new InferenceRequest
            {
                Id = document.RootElement.TryGetProperty("id", out var id) ? id.GetString() : null,
                Inputs = list,
                Parameters = replication is { } k ? new Dictionary<string, object> { ["replication"] = k } : null,
            };
        }
    }

    private static void Flatten(JsonElement data, List<float> values)
    {
        if (data.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in data.EnumerateArray())
            {
                Flatten(item, values);
            }
        }
        else
        {
            values.Add(data.GetSingle());
        }
    }
}
