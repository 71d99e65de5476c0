using OrleansAI.Hosting;

namespace OrleansAI.Api.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public async Task AnInvalidSettingStopsTheApiWithExitCode2AndTheSettingNamed()
    {
        var outcome = await HostProcess.RunUntilExitAsync(
            "OrleansAI.Api",
            new Dictionary<string, string> { ["Chain:RpcUrl"] = "not a url" },
            TimeSpan.FromSeconds(90));

        Assert.Equal(HostRunner.InvalidConfiguration, outcome.ExitCode);
        Assert.Contains("api: invalid configuration", outcome.StandardError, StringComparison.Ordinal);
        Assert.Contains("RpcUrl", outcome.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("30d")]
    [InlineData("-1.00:00:00")]
    public async Task AResultRetentionThatIsNotAPositiveTimeSpanStopsTheApiWithExitCode2(string retention)
    {
        var outcome = await HostProcess.RunUntilExitAsync(
            "OrleansAI.Api",
            new Dictionary<string, string> { ["BlobStorage:ResultRetention"] = retention },
            TimeSpan.FromSeconds(90));

        Assert.Equal(HostRunner.InvalidConfiguration, outcome.ExitCode);
        Assert.Contains("ResultRetention", outcome.StandardError, StringComparison.Ordinal);
    }
}
