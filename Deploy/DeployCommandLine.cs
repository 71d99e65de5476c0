using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace OrleansAI.Deploy;

/// <summary>The <c>oai-deploy</c> commands and options; each command hands its <see cref="DeployRequest"/> to the executor.</summary>
internal static class DeployCommandLine
{
    // Response files (@file) and option bundling are off: a value is taken as written, as the
    // hand-written parser before this one did.
    public static ParserConfiguration Parser { get; } = new() { ResponseFileTokenReplacer = null, EnablePosixBundling = false };

    public static RootCommand Create(Func<DeployRequest, CancellationToken, Task<int>> execute)
    {
        var root = new RootCommand(
            "oai-deploy: deploys the OrleansAI contracts and writes the deployment file the platform reads; funds and stakes a local simulated fleet. "
            + "The key comes from --key or OAI_DEPLOYER_KEY (on chain 31337 it defaults to Anvil's account 0). "
            + "Exit codes: 0 done (check: deployed), 1 failed, 2 usage, 3 check: not deployed.")
        {
            Deploy(execute),
            Check(execute),
            StakeFleet(execute),
            PostJob(execute),
            Balances(execute),
            Address(execute),
            Certs(execute),
        };
        return root;
    }

    private static Command Deploy(Func<DeployRequest, CancellationToken, Task<int>> execute)
    {
        var rpc = Rpc();
        var output = Required("--out", "PATH", "Where the deployment file is written");
        var key = Key("The deployer's private key (hex); else OAI_DEPLOYER_KEY; on chain 31337 Anvil's account 0");
        var platform = new Option<string>("--platform") { HelpName = "ADDRESS", Description = "Holds the platform role: job starts, payments, reputation (default: the deployer)" };
        var slasher = new Option<string>("--slasher") { HelpName = "ADDRESS", Description = "Holds the slasher role, a key of its own (default: none, slashing off)" };
        var arbiter = new Option<string>("--arbiter") { HelpName = "ADDRESS", Description = "Rules on disputes, never the platform or slasher (default: Governance)" };
        var guardian = new Option<string>("--guardian") { HelpName = "ADDRESS", Description = "May pause the contracts that move funds, never unpause (default: none)" };
        var treasury = new Option<string>("--treasury") { HelpName = "ADDRESS", Description = "Receives fees and slashed stake (default: the deployer)" };
        var ifMissing = Flag("--if-missing", "Keep an existing file whose contracts are still on the chain (Anvil forgets everything when stopped)");
        var handAdmin = Flag("--hand-admin-to-governance", "Give DEFAULT_ADMIN_ROLE to Governance");
        var command = new Command("deploy", "Deploy the contracts and write the deployment file") { rpc, output, key, platform, slasher, arbiter, guardian, treasury, ifMissing, handAdmin };
        command.SetAction((parse, ct) => execute(
            new DeployRequest
            {
                Command = command.Name,
                Rpc = parse.GetValue(rpc),
                Out = parse.GetValue(output),
                Key = parse.GetValue(key),
                Platform = parse.GetValue(platform),
                Slasher = parse.GetValue(slasher),
                Arbiter = parse.GetValue(arbiter),
                Guardian = parse.GetValue(guardian),
                Treasury = parse.GetValue(treasury),
                IfMissing = parse.GetValue(ifMissing),
                HandAdminToGovernance = parse.GetValue(handAdmin),
            },
            ct));
        return command;
    }

    private static Command Check(Func<DeployRequest, CancellationToken, Task<int>> execute)
    {
        var rpc = Rpc();
        var file = File();
        var command = new Command("check", "Whether the deployment file's contracts are on the chain (exit code 3 when not)") { rpc, file };
        command.SetAction((parse, ct) => execute(new DeployRequest { Command = command.Name, Rpc = parse.GetValue(rpc), File = parse.GetValue(file) }, ct));
        return command;
    }

    private static Command StakeFleet(Func<DeployRequest, CancellationToken, Task<int>> execute)
    {
        var rpc = Rpc();
        var file = File();
        var simulated = WholeNumber("--simulated", "N", "How many simulated providers of `oai-node --simulate N` to fund and stake", 1, 10_000, fallback: null);
        var seed = Seed();
        var key = Key("The funding key (hex): gas and OAI come from it; else OAI_DEPLOYER_KEY; on chain 31337 Anvil's account 0");
        var command = new Command("stake-fleet", "Give the simulated providers gas and the minimum stake in OAI, and stake it from each provider's own key; staked providers are left alone")
        {
            rpc, file, simulated, seed, key,
        };
        command.SetAction((parse, ct) => execute(
            new DeployRequest { Command = command.Name, Rpc = parse.GetValue(rpc), File = parse.GetValue(file), Simulated = parse.GetValue(simulated), Seed = parse.GetValue(seed), Key = parse.GetValue(key) },
            ct));
        return command;
    }

    private static Command PostJob(Func<DeployRequest, CancellationToken, Task<int>> execute)
    {
        var rpc = Rpc();
        var file = File();
        var job = Required("--job", "JOB_ID", "The platform's job id");
        var budget = new Option<BigInteger>("--budget")
        {
            HelpName = "WEI",
            Description = "The escrow in token wei",
            Required = true,
            CustomParser = result => BigInteger.TryParse(result.Tokens[0].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var wei)
                ? wei
                : Reject<BigInteger>(result, $"--budget must be a whole number of wei, not '{result.Tokens[0].Value}'"),
        };
        var clientKey = Required("--client-key", "HEX", "The client wallet's private key: it funds the escrow");
        var spec = new Option<string>("--spec") { HelpName = "PATH", Description = "A file whose Keccak-256 is recorded as the job's spec hash" };
        var key = Key("The funding key (hex): OAI for a client that holds too little; on chain 31337 Anvil's account 0 when absent");
        var command = new Command("post-job", "Fund a client's escrow for a platform job, under the id the platform derives from the client's wallet and the job id")
        {
            rpc, file, job, budget, clientKey, spec, key,
        };
        command.SetAction((parse, ct) => execute(
            new DeployRequest
            {
                Command = command.Name,
                Rpc = parse.GetValue(rpc),
                File = parse.GetValue(file),
                Job = parse.GetValue(job),
                Budget = parse.GetValue(budget),
                ClientKey = parse.GetValue(clientKey),
                Spec = parse.GetValue(spec),
                Key = parse.GetValue(key),
            },
            ct));
        return command;
    }

    private static Command Balances(Func<DeployRequest, CancellationToken, Task<int>> execute)
    {
        var rpc = Rpc();
        var file = File();
        var simulated = WholeNumber("--simulated", "N", "How many simulated providers to show", int.MinValue, int.MaxValue, fallback: null);
        var seed = Seed();
        var command = new Command("balances", "Print the stake, escrow claimable and wallet balance of each simulated provider") { rpc, file, simulated, seed };
        command.SetAction((parse, ct) => execute(
            new DeployRequest { Command = command.Name, Rpc = parse.GetValue(rpc), File = parse.GetValue(file), Simulated = parse.GetValue(simulated), Seed = parse.GetValue(seed) },
            ct));
        return command;
    }

    private static Command Address(Func<DeployRequest, CancellationToken, Task<int>> execute)
    {
        var index = WholeNumber("--index", "I", "Which simulated provider (0 or more)", 0, int.MaxValue, fallback: null);
        var seed = Seed();
        var command = new Command("address", "Print the address of simulated provider I of `oai-node --simulate N --seed S` (needs no chain)") { index, seed };
        command.SetAction((parse, ct) => execute(new DeployRequest { Command = command.Name, Index = parse.GetValue(index), Seed = parse.GetValue(seed) }, ct));
        return command;
    }

    private static Command Certs(Func<DeployRequest, CancellationToken, Task<int>> execute)
    {
        var output = Required("--out", "DIR", "The folder for ca.crt, ca.key, server.crt and server.key");
        var names = new Option<string[]>("--name")
        {
            HelpName = "NAME",
            Description = "A DNS name or IP address the server certificate also carries, besides localhost, 127.0.0.1 and ::1 (repeatable)",
            AllowMultipleArgumentsPerToken = false,
            DefaultValueFactory = _ => [],
        };
        var command = new Command("certs", "Make the development CA and a server certificate it issued (kept while valid; the certificate is issued again when missing, expiring or for other names); needs no chain")
        {
            output, names,
        };
        command.SetAction((parse, ct) => execute(new DeployRequest { Command = command.Name, Out = parse.GetValue(output), Names = parse.GetValue(names) ?? [] }, ct));
        return command;
    }

    private static Option<string> Rpc() => Required("--rpc", "URL", "The chain's JSON-RPC address");

    private static Option<string> File() => Required("--file", "PATH", "The deployment file (written by deploy --out)");

    private static Option<string> Key(string description) =>
        new("--key") { HelpName = "HEX", Description = description };

    private static Option<int> Seed() =>
        WholeNumber("--seed", "S", "The simulated fleet's seed, as given to oai-node", int.MinValue, int.MaxValue, fallback: 1);

    private static Option<string> Required(string name, string helpName, string description) =>
        new(name) { HelpName = helpName, Description = description, Required = true };

    // Takes no value: `--if-missing false` is a usage error, as it always was, rather than a way to
    // switch the flag off.
    private static Option<bool> Flag(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.Zero };

    private static Option<int> WholeNumber(string name, string helpName, string description, int min, int max, int? fallback)
    {
        var range = (min, max) switch
        {
            (int.MinValue, int.MaxValue) => "a whole number",
            (_, int.MaxValue) => $"a whole number of {min} or more",
            _ => $"a whole number from {min} to {max}",
        };
        var option = new Option<int>(name)
        {
            HelpName = helpName,
            Description = description,
            Required = fallback is null,
            CustomParser = result =>
                int.TryParse(result.Tokens[0].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                    ? value
                    : Reject<int>(result, $"{name} must be {range}, not '{result.Tokens[0].Value}'"),
        };
        if (fallback is { } value)
        {
            option.DefaultValueFactory = _ => value;
        }

        return option;
    }

    private static T Reject<T>(ArgumentResult result, string message)
    {
        result.AddError(message);
        return default!;
    }
}
