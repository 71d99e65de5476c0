using Nethereum.Web3;
using OrleansAI.Protocol;
using OrleansAI.Settlement.Deployment;
using OrleansAI.Tls;

namespace OrleansAI.Deploy;

/// <summary>Carries out a parsed <see cref="DeployRequest"/> against the chain.</summary>
internal static class DeployCommands
{
    private const long AnvilChainId = 31337;

    // Anvil's account 0 of the standard test mnemonic: public, and only ever used on Anvil's chain.
    private const string AnvilAccount0Key = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    /// <summary>Runs <paramref name="request"/>; returns the exit code (0 done, 3 check: not deployed).</summary>
    /// <exception cref="UsageException">The chain needs a key that was not given.</exception>
    public static async Task<int> ExecuteAsync(DeployRequest request, TextWriter output, CancellationToken cancellationToken)
    {
        if (request.Command == "address")
        {
            // Needs no chain: the address of a simulated provider's deterministic key.
            await output.WriteLineAsync(MessageSignatures.AddressOf(SimulatedKeys.Of(request.Seed, request.Index)));
            return 0;
        }

        if (request.Command == "certs")
        {
            // Needs no chain either: the development CA and the servers' certificate (./oai.sh up).
            CertificateIssue issue;
            try
            {
                issue = DevelopmentCertificates.Ensure(request.Out ?? throw new UsageException("--out is required"), request.Names);
            }
            catch (ArgumentException ex)
            {
                throw new UsageException(ex.Message);
            }

            await output.WriteLineAsync(issue switch
            {
                { AuthorityCreated: true } => $"made a new development CA and server certificate in {issue.Files.Directory} (clients pin {issue.Files.AuthorityPath})",
                { CertificateIssued: true } => $"issued a new server certificate in {issue.Files.Directory} under the existing CA",
                _ => $"the certificates in {issue.Files.Directory} are current",
            });
            return 0;
        }

        var rpc = request.Rpc ?? throw new UsageException("--rpc is required");
        var web3 = new Web3(rpc);
        var chainId = (long)(await web3.Eth.ChainId.SendRequestAsync().WaitAsync(cancellationToken)).Value;
        switch (request.Command)
        {
            case "check":
                var recorded = DeploymentFile.Load(request.File!);
                var deployed = await ContractDeployer.IsDeployedAsync(web3, recorded, cancellationToken);
                await output.WriteLineAsync(deployed
                    ? $"deployed: {request.File} matches chain {chainId}"
                    : $"not deployed: {request.File} does not match the chain at {rpc}");
                return deployed ? 0 : 3;

            case "deploy":
                return await DeployAsync(request, rpc, web3, chainId, output, cancellationToken);

            case "stake-fleet":
                var funderKey = request.Key ?? DeployerKeyFromEnvironment() ?? AnvilKeyOn(chainId)
                    ?? throw new UsageException($"chain {chainId} is not Anvil's: give the funding key with --key or OAI_DEPLOYER_KEY");
                await FleetStaking.StakeAsync(rpc, chainId, funderKey, DeploymentFile.Load(request.File!), request.Simulated, request.Seed, output, cancellationToken);
                return 0;

            case "post-job":
                // Unlike the other commands, post-job has never read OAI_DEPLOYER_KEY.
                var payer = request.Key ?? AnvilKeyOn(chainId) ?? throw new InvalidOperationException("give the funding key with --key");
                var specHash = request.Spec is { } specPath ? Bytes32.Keccak(await File.ReadAllBytesAsync(specPath, cancellationToken)) : default;
                await FleetStaking.PostJobAsync(rpc, chainId, payer, request.ClientKey!, DeploymentFile.Load(request.File!), request.Job!, request.Budget, specHash, output, cancellationToken);
                return 0;

            case "balances":
                await FleetStaking.PrintBalancesAsync(rpc, chainId, DeploymentFile.Load(request.File!), request.Simulated, request.Seed, output);
                return 0;

            default:
                throw new UsageException($"unknown command '{request.Command}'");
        }
    }

    private static async Task<int> DeployAsync(DeployRequest request, string rpc, Web3 web3, long chainId, TextWriter output, CancellationToken cancellationToken)
    {
        var path = request.Out!;
        if (request.IfMissing && File.Exists(path))
        {
            var existing = DeploymentFile.Load(path);
            if (await ContractDeployer.IsDeployedAsync(web3, existing, cancellationToken))
            {
                await output.WriteLineAsync($"already deployed on chain {chainId} (block {existing.BlockNumber}): {path}");
                return 0;
            }
        }

        var key = request.Key ?? DeployerKeyFromEnvironment() ?? AnvilKeyOn(chainId)
            ?? throw new UsageException($"chain {chainId} is not Anvil's: give the deployer key with --key or OAI_DEPLOYER_KEY");
        var signer = new SettlementSigner(rpc, chainId, key);
        await output.WriteLineAsync($"deploying to chain {chainId} at {rpc} from {signer.Address}");
        var deployment = await new ContractDeployer(signer, output).DeployAsync(
            new DeploymentParameters
            {
                Platform = request.Platform,
                Slasher = request.Slasher,
                Arbiter = request.Arbiter,
                Guardian = request.Guardian,
                Treasury = request.Treasury,
                HandAdminToGovernance = request.HandAdminToGovernance,
            },
            cancellationToken);
        deployment.Save(path);
        await output.WriteLineAsync($"wrote {Path.GetFullPath(path)}");
        return 0;
    }

    private static string? DeployerKeyFromEnvironment() =>
        Environment.GetEnvironmentVariable("OAI_DEPLOYER_KEY") is { Length: > 0 } key ? key : null;

    private static string? AnvilKeyOn(long chainId) => chainId == AnvilChainId ? AnvilAccount0Key : null;
}
