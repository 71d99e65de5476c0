using OrleansAI.Node.Host;

namespace OrleansAI.Node.Tests;

/// <summary>oai-node's command line: the lines oai.sh, compose and the docs start it with, and what it refuses.</summary>
public sealed class NodeArgumentsTests
{
    private const string Gateway = "https://127.0.0.1:5001";

    private static readonly NodeArguments Defaults = new() { Gateway = new Uri(Gateway) };

    private sealed record Run(NodeArguments? Arguments, int Code, string Out, string Error);

    private static Run Parse(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var arguments = NodeArguments.Parse(args, output, error, out var code);
        return new Run(arguments, code, output.ToString(), error.ToString());
    }

    private static void AssertSettings(NodeArguments expected, Run run)
    {
        Assert.True(run.Arguments is not null, run.Error);
        var actual = run.Arguments;
        Assert.Equal(0, run.Code);
        Assert.Equal(expected.Gateway, actual.Gateway);
        Assert.Equal(expected.KeyFile, actual.KeyFile);
        Assert.Equal(expected.Simulate, actual.Simulate);
        Assert.Equal(expected.DirichletAlpha, actual.DirichletAlpha);
        Assert.Equal(expected.Attacks.OrderBy(a => a.Key), actual.Attacks.OrderBy(a => a.Key));
        Assert.Equal(expected.Seed, actual.Seed);
        Assert.Equal(expected.MaxExamples, actual.MaxExamples);
        Assert.Equal(expected.Slots, actual.Slots);
        Assert.Equal(expected.DataDirectory, actual.DataDirectory);
        Assert.Equal(expected.Serving, actual.Serving);
        Assert.Equal(expected.CheatRate, actual.CheatRate);
        Assert.Equal(expected.TrainingThreads, actual.TrainingThreads);
        Assert.Equal(expected.MaxTasks, actual.MaxTasks);
        Assert.Equal(expected.Liars.Order(), actual.Liars.Order());
        Assert.Equal(expected.CaFile, actual.CaFile);
        Assert.Equal(expected.AllowPlaintext, actual.AllowPlaintext);
    }

    [Fact]
    public void GatewayAloneGivesEveryDefault()
    {
        var run = Parse("--gateway", Gateway);

        AssertSettings(Defaults, run);
        Assert.Equal(1, run.Arguments!.Seed);
        Assert.Equal(Math.Max(1, Environment.ProcessorCount / 2), run.Arguments.Slots);
        Assert.Equal("/usr/share/datasets/fashion-mnist", run.Arguments.DataDirectory);
        Assert.Equal(new ServingSettings(), run.Arguments.Serving);
        Assert.False(run.Arguments.Serving.Enabled);
    }

    [Fact]
    public void DemoFleetLineOfOaiShServesLiesAndShirks()
    {
        // oai.sh start_fleet with the demo's 10 providers.
        var run = Parse("--gateway", Gateway, "--ca", ".oai/tls/ca.crt", "--simulate", "10", "--partition", "dirichlet:0.5", "--seed", "1", "--serve", "on", "--lie", "9", "--attack", "8=shirker");

        AssertSettings(
            Defaults with
            {
                CaFile = ".oai/tls/ca.crt",
                Simulate = 10,
                DirichletAlpha = 0.5,
                Serving = new ServingSettings { Enabled = true },
                Liars = new HashSet<int> { 9 },
                Attacks = new Dictionary<int, ClientBehavior> { [8] = ClientBehavior.Shirker },
            },
            run);
    }

    [Fact]
    public void VerifierLineOfOaiShTakesMoreTasksOnOneExample()
    {
        var run = Parse("--gateway", Gateway, "--ca", ".oai/tls/ca.crt", "--simulate", "1", "--seed", "2", "--max-tasks", "16", "--max-examples", "1");

        AssertSettings(Defaults with { CaFile = ".oai/tls/ca.crt", Simulate = 1, Seed = 2, MaxTasks = 16, MaxExamples = 1 }, run);
    }

    [Fact]
    public void ComposeFleetLineReadsTheMountedData()
    {
        var run = Parse("--gateway", "https://api:5001", "--ca", "/tls/ca.crt", "--simulate", "4", "--seed", "1", "--partition", "dirichlet:0.5", "--serve", "on", "--data", "/data/fashion-mnist");

        AssertSettings(
            Defaults with { Gateway = new Uri("https://api:5001"), CaFile = "/tls/ca.crt", Simulate = 4, DirichletAlpha = 0.5, Serving = new ServingSettings { Enabled = true }, DataDirectory = "/data/fashion-mnist" },
            run);
    }

    [Fact]
    public void APlaintextGatewayIsRefusedWithoutTheSwitchAndNamesIt()
    {
        var run = Parse("--gateway", "http://127.0.0.1:5001");

        Assert.Null(run.Arguments);
        Assert.Equal(2, run.Code);
        Assert.Contains("--allow-plaintext", run.Error, StringComparison.Ordinal);
        Assert.Contains("plaintext http", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void APlaintextGatewayIsTakenOnlyWithAllowPlaintext()
    {
        var run = Parse("--gateway", "http://127.0.0.1:5001", "--allow-plaintext");

        AssertSettings(Defaults with { Gateway = new Uri("http://127.0.0.1:5001"), AllowPlaintext = true }, run);
    }

    [Fact]
    public void AGatewayOfAnotherSchemeIsRefused()
    {
        var run = Parse("--gateway", "ftp://127.0.0.1:5001", "--allow-plaintext");

        Assert.Null(run.Arguments);
        Assert.Contains("must be an https URL", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void SingleNodeLineOfTheReadmeTakesAKeyFile()
    {
        var run = Parse("--gateway", Gateway, "--key-file", "provider.key");

        AssertSettings(Defaults with { KeyFile = "provider.key" }, run);
    }

    [Fact]
    public void AttackListsOfTheDocsParseCaseInsensitively()
    {
        var run = Parse("--gateway", Gateway, "--simulate", "4", "--attack", "0=signflip,3=Lazy", "--cheat-rate", "0.2", "--threads", "4");

        AssertSettings(
            Defaults with
            {
                Simulate = 4,
                Attacks = new Dictionary<int, ClientBehavior> { [0] = ClientBehavior.SignFlip, [3] = ClientBehavior.Lazy },
                CheatRate = 0.2,
                TrainingThreads = 4,
            },
            run);
    }

    [Fact]
    public void ServingOptionsSetTheServingSettings()
    {
        var run = Parse("--gateway", Gateway, "--simulate", "3", "--serve", "off", "--serve-memory-mb", "1024", "--max-batch", "128", "--queue-delay-us", "0", "--intra-op-threads", "2", "--slots", "3", "--seed", "-7", "--partition", "iid", "--lie", "1,,2");

        AssertSettings(
            Defaults with
            {
                Simulate = 3,
                Serving = new ServingSettings { MemoryBudgetBytes = 1024L * 1024 * 1024, MaxBatchRows = 128, MaxQueueDelay = TimeSpan.Zero, IntraOpThreads = 2 },
                Slots = 3,
                Seed = -7,
                Liars = new HashSet<int> { 1, 2 },
            },
            run);
    }

    [Theory]
    [InlineData("--gateway URL is required.")]
    [InlineData("--gateway URL is required.", "--simulate", "3")]
    [InlineData("--gateway URL is required.", "--gateway", "not/absolute")]
    [InlineData("'--bogus'", "--gateway", Gateway, "--bogus", "1")]
    [InlineData("'stray'", "--gateway", Gateway, "stray")]
    [InlineData("'--simulate'", "--gateway", Gateway, "--simulate")]
    [InlineData("--simulate must be a whole number from 0 to 10000.", "--gateway", Gateway, "--simulate", "10001")]
    [InlineData("--seed must be a whole number from -2147483648 to 2147483647.", "--gateway", Gateway, "--seed", "one")]
    [InlineData("--max-examples must be a whole number from 1 to 2147483647.", "--gateway", Gateway, "--max-examples", "0")]
    [InlineData("--threads must be a whole number from 1 to 1024.", "--gateway", Gateway, "--threads", "0")]
    [InlineData("--max-tasks must be a whole number from 1 to 64.", "--gateway", Gateway, "--max-tasks", "65")]
    [InlineData("--serve-memory-mb must be a whole number from 16 to 1048576.", "--gateway", Gateway, "--serve-memory-mb", "8")]
    [InlineData("--partition is iid or dirichlet:ALPHA with ALPHA > 0.", "--gateway", Gateway, "--partition", "dirichlet:0")]
    [InlineData("--attack item 'signflip' is not INDEX=BEHAVIOUR.", "--gateway", Gateway, "--simulate", "2", "--attack", "signflip")]
    [InlineData("Unknown or unsupported behaviour 'copycat'", "--gateway", Gateway, "--simulate", "2", "--attack", "0=copycat")]
    [InlineData("--serve is on or off.", "--gateway", Gateway, "--serve", "yes")]
    [InlineData("--lie item '-1' is not an index.", "--gateway", Gateway, "--simulate", "2", "--lie", "-1")]
    [InlineData("--cheat-rate must be a number in (0, 1].", "--gateway", Gateway, "--simulate", "2", "--cheat-rate", "1.5")]
    public void BadCommandLineIsAUsageErrorThatNamesTheProblem(string problem, params string[] args)
    {
        var run = Parse(args);

        Assert.Null(run.Arguments);
        Assert.Equal(2, run.Code);
        Assert.Contains(problem, run.Error, StringComparison.Ordinal);
        Assert.Contains("--max-tasks", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--attack", "--attack", "0=signflip")]
    [InlineData("--lie", "--lie", "0")]
    [InlineData("--cheat-rate", "--cheat-rate", "0.5")]
    [InlineData("--lie", "--simulate", "0", "--lie", "0")]
    [InlineData("--attack", "--key-file", "provider.key", "--attack", "0=lazy")]
    public void MisbehaviourWithoutSimulateIsAUsageErrorBecauseASingleNodeIsAlwaysHonest(string option, params string[] args)
    {
        var run = Parse(["--gateway", Gateway, .. args]);

        Assert.Null(run.Arguments);
        Assert.Equal(2, run.Code);
        Assert.Contains($"{option} needs --simulate N: a single node is always honest.", run.Error, StringComparison.Ordinal);
        Assert.Contains("--max-tasks", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ASimulatedFleetTakesItsAttacksAndLiarsAsBefore()
    {
        var run = Parse("--gateway", Gateway, "--simulate", "3", "--attack", "1=signflip", "--lie", "2");

        AssertSettings(
            Defaults with
            {
                Simulate = 3,
                Attacks = new Dictionary<int, ClientBehavior> { [1] = ClientBehavior.SignFlip },
                Liars = new HashSet<int> { 2 },
            },
            run);
    }

    [Fact]
    public void TheFleetOfASimulateLineCarriesEveryProvidersMisbehaviourByIndex()
    {
        var run = Parse("--gateway", Gateway, "--simulate", "10", "--partition", "dirichlet:0.5", "--seed", "3", "--serve", "on", "--lie", "9", "--attack", "8=shirker", "--cheat-rate", "0.5", "--max-tasks", "4");

        var fleet = NodeAgents.FleetOf(run.Arguments!);

        Assert.Equal(10, fleet.Providers);
        Assert.Equal(0.5, fleet.DirichletAlpha);
        Assert.Equal(3, fleet.Seed);
        Assert.True(fleet.Serving.Enabled);
        Assert.Equal(4, fleet.MaxTasks);
        Assert.Equal([9], fleet.Liars);
        Assert.Equal(new KeyValuePair<int, ClientBehavior>(8, ClientBehavior.Shirker), Assert.Single(fleet.Attacks));
        Assert.Equal(0.5, fleet.CheatRate);
    }

    [Fact]
    public void HelpListsEveryOptionAndRunsNothing()
    {
        var run = Parse("--help");

        Assert.Null(run.Arguments);
        Assert.Equal(0, run.Code);
        Assert.All(
            ["--gateway", "--key-file", "--simulate", "--partition", "--attack", "--seed", "--max-examples", "--slots", "--data", "--serve", "--serve-memory-mb", "--max-batch", "--queue-delay-us", "--intra-op-threads", "--lie", "--cheat-rate", "--threads", "--max-tasks"],
            option => Assert.Contains(option, run.Out, StringComparison.Ordinal));
    }
}
