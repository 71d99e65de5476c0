using OrleansAI.Cli;
using OrleansAI.Sdk;
using OrleansAI.Sdk.Jobs;

namespace OrleansAI.Api.Tests;

/// <summary>The <c>oai</c> command line against the real Api: what it prints and the exit codes scripts rely on.</summary>
public sealed class CliTests : IDisposable
{
    private const string Spec = """{"name":"mlp","inputShape":[1,28,28],"classes":10,"layers":[{"type":"flatten"},{"type":"linear","outFeatures":32},{"type":"relu"},{"type":"linear","outFeatures":10}]}""";

    private readonly string _dir = Directory.CreateTempSubdirectory("oai-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<(int Code, string Out, string Error)> RunAsync(ApiFactory? api, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var http = api?.CreateClient();
        try
        {
            var code = await OaiCli.RunAsync(args, output, error, api is null ? null : (_, key) => new OaiClient(http!, key), CancellationToken.None);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            http?.Dispose();
        }
    }

    [Fact]
    public async Task ASubmittedJobIsPrintedListedShownAsJsonAndCancelled()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>());
        var spec = WriteFile("spec.json", Spec);
        var key = ApiFactory.ClientKeys["alice"];

        var submitted = await RunAsync(api, "jobs", "submit", spec, "--rounds", "3", "--min-providers", "2", "--strategy", "median", "--idempotency-key", "nightly-1", "--key", key);
        var rerun = await RunAsync(api, "jobs", "submit", spec, "--rounds", "3", "--min-providers", "2", "--strategy", "median", "--idempotency-key", "nightly-1", "--key", key);
        var id = submitted.Out.Split(' ')[0];
        var listed = await RunAsync(api, "jobs", "list", "--key", key);
        var shown = await RunAsync(api, "jobs", "show", id, "--json", "--key", key);
        var cancelled = await RunAsync(api, "jobs", "cancel", id, "--key", key);
        var watched = await RunAsync(api, "jobs", "watch", id, "--key", key);

        Assert.Equal(0, submitted.Code);
        Assert.StartsWith("job-", id, StringComparison.Ordinal);
        Assert.Contains("pending: mlp, 3 rounds, median", submitted.Out, StringComparison.Ordinal);
        Assert.StartsWith(id, rerun.Out, StringComparison.Ordinal);
        Assert.Contains(id, listed.Out, StringComparison.Ordinal);
        Assert.Contains("1 of 1", listed.Out, StringComparison.Ordinal);
        var job = JsonSerializer.Deserialize<JobView>(shown.Out, OaiJson.Options)!;
        Assert.Equal(3, job.Rounds);
        Assert.Equal("median", job.Strategy);
        Assert.Equal($"{id} cancelled", cancelled.Out.Trim());
        Assert.Equal(1, watched.Code);
        Assert.Contains($"{id} cancelled", watched.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADatasetIsSharedListedAuditedAndRevokedFromTheCommandLine()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>
        {
            ["BlobStorage:ConnectionString"] = LocalServices.AzuriteConnection,
            ["BlobStorage:Container"] = "cli-grants-tests",
        });
        var alice = ApiFactory.ClientKeys["alice"];
        var bob = ApiFactory.ClientKeys["bob"];
        var path = Path.Combine(_dir, "data.safetensors");
        await File.WriteAllBytesAsync(path, Models.Data.DatasetFile.Write(new Models.Data.LabeledDataset([2], [.. Enumerable.Range(0, 8).Select(i => (float)i / Random.Shared.Next(1, 1000))], [0, 1, 0, 1], 2)));

        var uploaded = await RunAsync(api, "datasets", "upload", path, "--key", alice);
        var sha = uploaded.Out.Split(' ')[0];
        var given = await RunAsync(api, "grants", "give", "--dataset", sha, "--to", "bob", "--rights", "use", "--key", alice);
        var received = await RunAsync(api, "grants", "received", "--key", bob);
        var listed = await RunAsync(api, "grants", "list", "--dataset", sha, "--key", alice);
        var revoked = await RunAsync(api, "grants", "revoke", "--dataset", sha, "--from", "bob", "--key", alice);
        var audit = await RunAsync(api, "audit", "--action", "grant.revoke", "--key", alice);
        var both = await RunAsync(api, "grants", "list", "--dataset", sha, "--model", "m", "--version", "1", "--key", alice);

        Assert.Equal(0, uploaded.Code);
        Assert.Equal($"bob may use dataset {sha}", given.Out.Trim());
        Assert.Contains(sha, received.Out, StringComparison.Ordinal);
        Assert.Contains("alice", received.Out, StringComparison.Ordinal);
        Assert.Contains("bob", listed.Out, StringComparison.Ordinal);
        Assert.Equal(0, revoked.Code);
        Assert.Contains("grant.revoke", audit.Out, StringComparison.Ordinal);
        Assert.Contains($"dataset/alice/{sha}", audit.Out, StringComparison.Ordinal);
        Assert.Equal(2, both.Code);
    }

    [Fact]
    public async Task ARefusedJobPrintsEachFieldAndItsReasonAndExitsOne()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>());
        var spec = WriteFile("bad.json", Spec.Replace("{\"type\":\"flatten\"},", "", StringComparison.Ordinal));

        var refused = await RunAsync(api, "jobs", "submit", spec, "--rounds", "0", "--key", ApiFactory.ClientKeys["alice"]);
        var stranger = await RunAsync(api, "jobs", "list", "--key", "wrong");

        Assert.Equal(1, refused.Code);
        Assert.Contains("oai: 400", refused.Error, StringComparison.Ordinal);
        Assert.Contains("spec: layers[0] (linear): needs a flat input but gets 1x28x28", refused.Error, StringComparison.Ordinal);
        Assert.Contains("rounds: ", refused.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, refused.Out);
        Assert.Equal(1, stranger.Code);
        Assert.Contains("oai: 401", stranger.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadUsageExitsTwoBeforeAnythingIsSent()
    {
        var missing = await RunAsync(null, "jobs", "submit", Path.Combine(_dir, "none.json"), "--key", "k", "--url", "http://127.0.0.1:1");
        var notJson = await RunAsync(null, "jobs", "submit", WriteFile("x.json", "{"), "--key", "k", "--url", "http://127.0.0.1:1");
        var badRequest = await RunAsync(null, "infer", "m", "--input", WriteFile("r.json", """{"inputs":[{"name":"x","shape":[2,2],"data":[1,2,3]}]}"""), "--key", "k");
        var unknown = await RunAsync(null, "jobs", "frob");
        var badUrl = await RunAsync(null, "jobs", "list", "--url", "ftp://host", "--key", "k");

        Assert.Equal(2, missing.Code);
        Assert.Contains("cannot read the spec", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, notJson.Code);
        Assert.Equal(2, badRequest.Code);
        Assert.Contains("holds 4 values; 3 were given", badRequest.Error, StringComparison.Ordinal);
        Assert.Equal(2, unknown.Code);
        Assert.Equal(2, badUrl.Code);
    }

    [Fact]
    public async Task AnInferenceCallOnAModelNotDeployedPrintsTheProtocolsError()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>());
        var request = WriteFile("request.json", """{"id":"r1","inputs":[{"name":"input","shape":[1,2,2],"datatype":"FP32","data":[[1,2],[3,4]]}]}""");

        var refused = await RunAsync(api, "infer", "absent", "--input", request, "--key", ApiFactory.ClientKeys["alice"]);

        Assert.Equal(1, refused.Code);
        Assert.Contains("oai: 404", refused.Error, StringComparison.Ordinal);
        Assert.Contains("absent", refused.Error, StringComparison.Ordinal);
    }
}
