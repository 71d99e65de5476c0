using OrleansAI.Cli;

namespace OrleansAI.Api.Tests;

/// <summary>How <c>oai</c> reaches the API: https pinned to a CA, plaintext only when asked for.</summary>
public sealed class CliTransportTests
{
    [Fact]
    public async Task APlaintextAddressIsAUsageErrorWithoutAllowPlaintext()
    {
        var (code, error) = await RunAsync("jobs", "list", "--url", "http://127.0.0.1:1", "--key", "k");

        Assert.Equal(2, code);
        Assert.Contains("plaintext http", error, StringComparison.Ordinal);
        Assert.Contains("--allow-plaintext", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingCaFileIsAUsageErrorThatNamesIt()
    {
        var (code, error) = await RunAsync("jobs", "list", "--url", "https://127.0.0.1:1", "--key", "k", "--ca", "/nonexistent/ca.crt");

        Assert.Equal(2, code);
        Assert.Contains("/nonexistent/ca.crt", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAllowPlaintextTheCallIsMadeAndOnlyTheConnectionFails()
    {
        var (code, error) = await RunAsync("jobs", "list", "--url", $"http://127.0.0.1:{LocalServices.FreeTcpPort()}", "--key", "k", "--allow-plaintext");

        Assert.Equal(1, code);
        Assert.DoesNotContain("plaintext http", error, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await OaiCli.RunAsync(args, output, error, connect: null, CancellationToken.None);
        return (code, error.ToString());
    }
}
