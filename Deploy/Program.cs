// oai-deploy: deploys the OrleansAI contracts and writes the deployment file the platform reads.
//
//   oai-deploy deploy --rpc URL --out PATH [--key HEX] [--platform ADDRESS] [--treasury ADDRESS]
//                     [--if-missing] [--hand-admin-to-governance]
//   oai-deploy check  --rpc URL --file PATH
//   oai-deploy stake-fleet --rpc URL --file PATH --simulated N [--seed S] [--key HEX]
//   oai-deploy post-job --rpc URL --file PATH --job JOB_ID --budget WEI --client-key HEX [--spec PATH] [--key HEX]
//   oai-deploy balances --rpc URL --file PATH --simulated N [--seed S]
//   oai-deploy address --index I [--seed S]
//
// address prints the address of simulated provider I of `oai-node --simulate N --seed S` (the
// demo names its verifier node to the silo with it).
// post-job funds a client's escrow for a platform job (OAI from the funding key if the client has
// too little), under the id the platform derives from the client's wallet and the job id.
// stake-fleet gives the N simulated providers of `oai-node --simulate N --seed S` gas, the minimum
// stake in OAI (from the deployer's supply) and stakes it from each provider's own key, so the
// provider gateway admits them; providers already staked are left alone.
// The key comes from --key or OAI_DEPLOYER_KEY; on Anvil's chain (31337) it defaults to Anvil's
// account 0 of the standard test mnemonic, and on any other chain it must be given.
// --if-missing keeps an existing file whose contracts are still on the chain (Anvil forgets
// everything when stopped, so `./oai.sh up` redeploys only then).
// Exit codes: 0 done (check: deployed), 1 failed, 2 usage, 3 check: not deployed.
using System.Globalization;
using Nethereum.Web3;
using OrleansAI.Settlement;
using OrleansAI.Settlement.Deployment;

const string AnvilChainId = "31337";
const string AnvilAccount0Key = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
const string Usage = """
    usage:
      oai-deploy deploy --rpc URL --out PATH [--key HEX] [--platform ADDRESS] [--treasury ADDRESS] [--if-missing] [--hand-admin-to-governance]
      oai-deploy check  --rpc URL --file PATH
      oai-deploy stake-fleet --rpc URL --file PATH --simulated N [--seed S] [--key HEX]
      oai-deploy post-job --rpc URL --file PATH --job JOB_ID --budget WEI --client-key HEX [--spec PATH] [--key HEX]
      oai-deploy balances --rpc URL --file PATH --simulated N [--seed S]
      oai-deploy address --index I [--seed S]
    the key comes from --key or OAI_DEPLOYER_KEY (default on chain 31337: Anvil's account 0)
    """;

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

var command = args[0];
var options = new Dictionary<string, string>(StringComparer.Ordinal);
var flags = new HashSet<string>(StringComparer.Ordinal);
for (var i = 1; i < args.Length; i++)
{
    var name = args[i];
    if (name is "--if-missing" or "--hand-admin-to-governance")
    {
        flags.Add(name);
    }
    else if (name.StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
    {
        options[name] = args[++i];
    }
    else
    {
        return Fail($"unexpected argument '{name}'", 2);
    }
}

if (command == "address")
{
    // Needs no chain: the address of a simulated provider's deterministic key.
    if (!int.TryParse(options.GetValueOrDefault("--index"), CultureInfo.InvariantCulture, out var index) || index < 0)
    {
        return Fail("--index I (0 or more) is required", 2);
    }

    var addressSeed = int.TryParse(options.GetValueOrDefault("--seed", "1"), CultureInfo.InvariantCulture, out var a) ? a : 1;
    Console.WriteLine(OrleansAI.Protocol.MessageSignatures.AddressOf(OrleansAI.Protocol.SimulatedKeys.Of(addressSeed, index)));
    return 0;
}

if (!options.TryGetValue("--rpc", out var rpc))
{
    return Fail("--rpc is required", 2);
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    var web3 = new Web3(rpc);
    var chainId = (long)(await web3.Eth.ChainId.SendRequestAsync().WaitAsync(cancel.Token)).Value;
    switch (command)
    {
        case "check":
            if (!options.TryGetValue("--file", out var file))
            {
                return Fail("--file is required", 2);
            }

            var recorded = DeploymentFile.Load(file);
            var deployed = await ContractDeployer.IsDeployedAsync(web3, recorded, cancel.Token);
            Console.WriteLine(deployed
                ? $"deployed: {file} matches chain {chainId}"
                : $"not deployed: {file} does not match the chain at {rpc}");
            return deployed ? 0 : 3;

        case "deploy":
            if (!options.TryGetValue("--out", out var output))
            {
                return Fail("--out is required", 2);
            }

            if (flags.Contains("--if-missing") && File.Exists(output))
            {
                var existing = DeploymentFile.Load(output);
                if (await ContractDeployer.IsDeployedAsync(web3, existing, cancel.Token))
                {
                    Console.WriteLine($"already deployed on chain {chainId} (block {existing.BlockNumber}): {output}");
                    return 0;
                }
            }

            var key = options.GetValueOrDefault("--key");
            if (key is null && Environment.GetEnvironmentVariable("OAI_DEPLOYER_KEY") is { Length: > 0 } fromEnvironment)
            {
                key = fromEnvironment;
            }

            key ??= chainId.ToString(CultureInfo.InvariantCulture) == AnvilChainId ? AnvilAccount0Key : null;
            if (key is null)
            {
                return Fail($"chain {chainId} is not Anvil's: give the deployer key with --key or OAI_DEPLOYER_KEY", 2);
            }

            var signer = new SettlementSigner(rpc, chainId, key);
            Console.WriteLine($"deploying to chain {chainId} at {rpc} from {signer.Address}");
            var deployment = await new ContractDeployer(signer, Console.Out).DeployAsync(
                new DeploymentParameters
                {
                    Platform = options.GetValueOrDefault("--platform"),
                    Treasury = options.GetValueOrDefault("--treasury"),
                    HandAdminToGovernance = flags.Contains("--hand-admin-to-governance"),
                },
                cancel.Token);
            deployment.Save(output);
            Console.WriteLine($"wrote {Path.GetFullPath(output)}");
            return 0;

        case "stake-fleet":
            if (!options.TryGetValue("--file", out var deploymentPath)
                || !int.TryParse(options.GetValueOrDefault("--simulated"), CultureInfo.InvariantCulture, out var fleet) || fleet is < 1 or > 10_000)
            {
                return Fail("--file and --simulated N (1-10000) are required", 2);
            }

            var seed = int.TryParse(options.GetValueOrDefault("--seed", "1"), CultureInfo.InvariantCulture, out var s) ? s : 1;
            var funderKey = options.GetValueOrDefault("--key")
                ?? (Environment.GetEnvironmentVariable("OAI_DEPLOYER_KEY") is { Length: > 0 } fromEnv ? fromEnv : null)
                ?? (chainId.ToString(CultureInfo.InvariantCulture) == AnvilChainId ? AnvilAccount0Key : null);
            if (funderKey is null)
            {
                return Fail($"chain {chainId} is not Anvil's: give the funding key with --key or OAI_DEPLOYER_KEY", 2);
            }

            await FleetStaking.StakeAsync(rpc, chainId, funderKey, DeploymentFile.Load(deploymentPath), fleet, seed, Console.Out, cancel.Token);
            return 0;

        case "post-job":
            if (!options.TryGetValue("--file", out var escrowFile) || !options.TryGetValue("--job", out var jobId)
                || !System.Numerics.BigInteger.TryParse(options.GetValueOrDefault("--budget"), NumberStyles.None, CultureInfo.InvariantCulture, out var budget)
                || !options.TryGetValue("--client-key", out var clientKey))
            {
                return Fail("--file, --job, --budget WEI and --client-key are required", 2);
            }

            var payer = options.GetValueOrDefault("--key")
                ?? (chainId.ToString(CultureInfo.InvariantCulture) == AnvilChainId ? AnvilAccount0Key : null)
                ?? throw new InvalidOperationException("give the funding key with --key");
            var specHash = options.TryGetValue("--spec", out var specPath) ? Bytes32.Keccak(await File.ReadAllBytesAsync(specPath, cancel.Token)) : default;
            await FleetStaking.PostJobAsync(rpc, chainId, payer, clientKey, DeploymentFile.Load(escrowFile), jobId, budget, specHash, Console.Out, cancel.Token);
            return 0;

        case "balances":
            if (!options.TryGetValue("--file", out var balanceFile) || !int.TryParse(options.GetValueOrDefault("--simulated"), CultureInfo.InvariantCulture, out var providers))
            {
                return Fail("--file and --simulated N are required", 2);
            }

            await FleetStaking.PrintBalancesAsync(rpc, chainId, DeploymentFile.Load(balanceFile), providers,
                int.TryParse(options.GetValueOrDefault("--seed", "1"), CultureInfo.InvariantCulture, out var fleetSeed) ? fleetSeed : 1, Console.Out);
            return 0;

        default:
            return Fail($"unknown command '{command}'", 2);
    }
}
catch (SettlementException ex)
{
    return Fail(ex.Message, 1);
}
catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or InvalidDataException or IOException
    or Nethereum.JsonRpc.Client.RpcClientUnknownException or Nethereum.JsonRpc.Client.RpcResponseException or OperationCanceledException)
{
    return Fail($"{ex.GetType().Name}: {ex.Message}", 1);
}

static int Fail(string message, int code)
{
    Console.Error.WriteLine($"oai-deploy: {message}");
    if (code == 2)
    {
        Console.Error.WriteLine(Usage);
    }

    return code;
}
