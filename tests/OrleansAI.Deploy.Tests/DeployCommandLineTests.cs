using System.Numerics;
using OrleansAI.Settlement;

namespace OrleansAI.Deploy.Tests;

/// <summary>The command lines oai.sh, infra/compose.yaml and the docs give oai-deploy, parsed without a chain.</summary>
public sealed class DeployCommandLineTests
{
    private const string Rpc = "http://127.0.0.1:8545";
    private const string State = "/work/.oai/deployment.json";
    private const string Platform = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    private const string ClientKey = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";

    private sealed record Run(int Code, DeployRequest? Request, string Out, string Error);

    private static async Task<Run> RunAsync(params string[] args) =>
        await RunAsync((_, _) => Task.FromResult(0), args);

    private static async Task<Run> RunAsync(Func<DeployRequest, CancellationToken, Task<int>> execute, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        DeployRequest? seen = null;
        var code = await DeployCli.RunAsync(args, output, error, (request, ct) =>
        {
            seen = request;
            return execute(request, ct);
        }, CancellationToken.None);
        return new Run(code, seen, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task VerifierAddressLineOfOaiShParsesIndexAndSeed()
    {
        var run = await RunAsync("address", "--index", "0", "--seed", "2");

        Assert.Equal(0, run.Code);
        Assert.Equal(new DeployRequest { Command = "address", Index = 0, Seed = 2 }, run.Request);
    }

    [Fact]
    public async Task VerifierAddressIsPrintedWithoutAChain()
    {
        using var output = new StringWriter();

        var code = await DeployCli.RunAsync(["address", "--index", "0", "--seed", "2"], output, TextWriter.Null, (request, ct) => DeployCommands.ExecuteAsync(request, output, ct), CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Equal("0xcc97dc060c064b8dee9f1c8771a58882ba7d74e0", output.ToString().Trim(), ignoreCase: true);
    }

    [Fact]
    public async Task AddressSeedDefaultsToOne()
    {
        var run = await RunAsync("address", "--index", "3");

        Assert.Equal(new DeployRequest { Command = "address", Index = 3, Seed = 1 }, run.Request);
    }

    [Fact]
    public async Task DeployLineOfOaiShAndComposeParsesEveryOption()
    {
        var run = await RunAsync("deploy", "--rpc", Rpc, "--out", State, "--if-missing", "--platform", Platform);

        Assert.Equal(0, run.Code);
        Assert.Equal(new DeployRequest { Command = "deploy", Rpc = Rpc, Out = State, IfMissing = true, Platform = Platform }, run.Request);
    }

    [Fact]
    public async Task DeployTakesKeyTreasuryAndTheGovernanceFlag()
    {
        var run = await RunAsync("deploy", "--rpc", Rpc, "--out", State, "--key", "0xabc", "--treasury", Platform, "--hand-admin-to-governance");

        Assert.Equal(new DeployRequest { Command = "deploy", Rpc = Rpc, Out = State, Key = "0xabc", Treasury = Platform, HandAdminToGovernance = true }, run.Request);
    }

    [Fact]
    public async Task CheckLineOfTheDocsParsesRpcAndFile()
    {
        var run = await RunAsync("check", "--rpc", Rpc, "--file", State);

        Assert.Equal(new DeployRequest { Command = "check", Rpc = Rpc, File = State }, run.Request);
    }

    [Fact]
    public async Task CheckExitCodeForNotDeployedIsPassedThrough()
    {
        var run = await RunAsync((_, _) => Task.FromResult(3), "check", "--rpc", Rpc, "--file", State);

        Assert.Equal(3, run.Code);
    }

    [Fact]
    public async Task StakeFleetLineOfOaiShParsesCountAndSeed()
    {
        var run = await RunAsync("stake-fleet", "--rpc", Rpc, "--file", State, "--simulated", "10", "--seed", "1");

        Assert.Equal(new DeployRequest { Command = "stake-fleet", Rpc = Rpc, File = State, Simulated = 10, Seed = 1 }, run.Request);
    }

    [Fact]
    public async Task BalancesLineOfOaiShParsesCountAndSeed()
    {
        var run = await RunAsync("balances", "--rpc", Rpc, "--file", State, "--simulated", "10", "--seed", "1");

        Assert.Equal(new DeployRequest { Command = "balances", Rpc = Rpc, File = State, Simulated = 10, Seed = 1 }, run.Request);
    }

    [Fact]
    public async Task PostJobLineOfOaiShParsesTheBudgetInWei()
    {
        var run = await RunAsync("post-job", "--rpc", Rpc, "--file", State, "--job", "job-7f3a", "--budget", "1000000000000000000000", "--client-key", ClientKey, "--spec", "Models/Specs/Models/fashion-cnn.json");

        Assert.Equal(
            new DeployRequest
            {
                Command = "post-job", Rpc = Rpc, File = State, Job = "job-7f3a", Budget = BigInteger.Pow(10, 21), ClientKey = ClientKey, Spec = "Models/Specs/Models/fashion-cnn.json",
            },
            run.Request);
    }

    [Theory]
    [InlineData("Option '--rpc' is required", "check", "--file", State)]
    [InlineData("Option '--out' is required", "deploy", "--rpc", Rpc)]
    [InlineData("--index must be a whole number of 0 or more, not '-1'", "address", "--index", "-1")]
    [InlineData("--seed must be a whole number, not 'two'", "address", "--index", "0", "--seed", "two")]
    [InlineData("--simulated must be a whole number from 1 to 10000, not '0'", "stake-fleet", "--rpc", Rpc, "--file", State, "--simulated", "0")]
    [InlineData("--budget must be a whole number of wei, not '1e21'", "post-job", "--rpc", Rpc, "--file", State, "--job", "j", "--budget", "1e21", "--client-key", ClientKey)]
    [InlineData("'--key'", "check", "--rpc", Rpc, "--file", State, "--key", "0xabc")]
    [InlineData("'false'", "deploy", "--rpc", Rpc, "--out", State, "--if-missing", "false")]
    [InlineData("'undeploy'", "undeploy", "--rpc", Rpc)]
    public async Task BadCommandLineIsAUsageErrorThatNamesTheProblem(string problem, params string[] args)
    {
        var run = await RunAsync(args);

        Assert.Equal(2, run.Code);
        Assert.Null(run.Request);
        Assert.Contains(problem, run.Error, StringComparison.Ordinal);
        Assert.Contains("Usage:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoArgumentsPrintTheUsageAndExitWithTwo()
    {
        var run = await RunAsync();

        Assert.Equal(2, run.Code);
        Assert.Contains("stake-fleet", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task HelpIsPrintedWithExitCodeZero(string help)
    {
        var run = await RunAsync(help);

        Assert.Equal(0, run.Code);
        Assert.Null(run.Request);
        Assert.Contains("post-job", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpForOneCommandListsItsOptions()
    {
        var run = await RunAsync("help", "post-job");

        Assert.Equal(0, run.Code);
        Assert.Contains("--client-key", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyMissingOffAnvilIsAUsageError()
    {
        var run = await RunAsync((_, _) => throw new UsageException("chain 1 is not Anvil's: give the deployer key with --key or OAI_DEPLOYER_KEY"), "deploy", "--rpc", Rpc, "--out", State);

        Assert.Equal(2, run.Code);
        Assert.Contains("oai-deploy: chain 1 is not Anvil's", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevertIsAFailureWithExitCodeOne()
    {
        var run = await RunAsync((_, _) => throw new SettlementException("Staking.stake reverted: InsufficientStake()"), "stake-fleet", "--rpc", Rpc, "--file", State, "--simulated", "1");

        Assert.Equal(1, run.Code);
        Assert.Contains("oai-deploy: Staking.stake reverted", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableChainIsAFailureWithExitCodeOne()
    {
        var run = await RunAsync((_, _) => throw new HttpRequestException("Connection refused"), "check", "--rpc", Rpc, "--file", State);

        Assert.Equal(1, run.Code);
        Assert.Contains("oai-deploy: HttpRequestException: Connection refused", run.Error, StringComparison.Ordinal);
    }
}
