namespace OrleansAI.Deploy.Tests;

/// <summary><c>oai-deploy certs</c>, as oai.sh and compose run it: the development CA and server certificate, without a chain.</summary>
public sealed class DeployCertsTests : IDisposable
{
    private static readonly string[] Files = ["ca.crt", "ca.key", "server.crt", "server.key"];

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"oai-deploy-certs-{Guid.NewGuid():N}");

    [Fact]
    public async Task TheComposeLineParsesTheFolderAndEveryName()
    {
        DeployRequest? seen = null;

        var code = await DeployCli.RunAsync(["certs", "--out", "/tls", "--name", "api", "--name", "silo"], TextWriter.Null, TextWriter.Null, (request, _) =>
        {
            seen = request;
            return Task.FromResult(0);
        }, CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Equal("certs", seen?.Command);
        Assert.Equal("/tls", seen?.Out);
        Assert.Equal(["api", "silo"], seen?.Names);
    }

    [Fact]
    public async Task CertsWritesTheFourFilesOnceAndThenKeepsThem()
    {
        using var first = new StringWriter();
        using var second = new StringWriter();

        var made = await RunAsync(["certs", "--out", _directory], first);
        var again = await RunAsync(["certs", "--out", _directory], second);

        Assert.Equal(0, made);
        Assert.Equal(0, again);
        Assert.All(Files, f => Assert.True(File.Exists(Path.Combine(_directory, f)), f));
        Assert.Contains("made a new development CA", first.ToString(), StringComparison.Ordinal);
        Assert.Contains("are current", second.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadNameIsAUsageErrorAndAMissingFolderToo()
    {
        using var error = new StringWriter();

        var badName = await DeployCli.RunAsync(["certs", "--out", _directory, "--name", "not a name"], TextWriter.Null, error, (request, ct) => DeployCommands.ExecuteAsync(request, TextWriter.Null, ct), CancellationToken.None);
        var noFolder = await RunAsync(["certs"], TextWriter.Null);

        Assert.Equal(2, badName);
        Assert.Contains("'not a name'", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, noFolder);
    }

    private static Task<int> RunAsync(string[] args, TextWriter output) =>
        DeployCli.RunAsync(args, output, TextWriter.Null, (request, ct) => DeployCommands.ExecuteAsync(request, output, ct), CancellationToken.None);

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
