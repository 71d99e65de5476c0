using Nethereum.Signer;
using Nethereum.Web3;
using OrleansAI.Settlement;
using OrleansAI.Settlement.Deployment;
using OrleansAI.Settlement.Services;

namespace OrleansAI.Testing.Network;

/// <summary>
/// Fresh contracts on the local Anvil under a fresh platform key (deployer, slasher, arbiter), with
/// the deployment file the silo and Api read; and the staking every provider needs. Other test
/// assemblies share the chain, so everything here uses fresh keys and its own deployment.
/// </summary>
public sealed class LocalChain : IDisposable
{
    private LocalChain(string platformKey, SettlementSigner platform, DeploymentFile deployment, string deploymentPath)
    {
        PlatformKey = platformKey;
        Platform = platform;
        Deployment = deployment;
        DeploymentPath = deploymentPath;
    }

    /// <summary>The platform's private key (hex).</summary>
    public string PlatformKey { get; }

    /// <summary>The platform account.</summary>
    public SettlementSigner Platform { get; }

    /// <summary>The contracts.</summary>
    public DeploymentFile Deployment { get; }

    /// <summary>Where the deployment file is.</summary>
    public string DeploymentPath { get; }

    /// <summary>The Staking contract as the platform sees it.</summary>
    public StakingService Staking => new(Platform, Deployment.Contracts.Staking);

    /// <summary>Silo settings that let it pay and slash from the platform key.</summary>
    public IReadOnlyDictionary<string, string?> SiloSettings => new Dictionary<string, string?>
    {
        ["Chain:RpcUrl"] = LocalServices.AnvilUrl,
        ["Chain:DeploymentFile"] = DeploymentPath,
        ["Chain:PlatformKey"] = PlatformKey,
    };

    /// <summary>Api settings that mirror the deployment without requiring stake at the gateway.</summary>
    public IReadOnlyDictionary<string, string?> ApiSettings => new Dictionary<string, string?>
    {
        ["Chain:DeploymentFile"] = DeploymentPath,
        ["Gateway:RequireStake"] = "false",
    };

    /// <summary>Deploys every contract under a fresh platform key.</summary>
    public static async Task<LocalChain> DeployAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"oai-deployment-{Guid.NewGuid():N}.json");
        var key = EthECKey.GenerateKey().GetPrivateKey();
        var platform = new SettlementSigner(LocalServices.AnvilUrl, LocalServices.ChainId, key);
        await FundAsync(platform.Address);
        var deployment = await new ContractDeployer(platform).DeployAsync(new DeploymentParameters(), CancellationToken.None);
        deployment.Save(path);
        return new LocalChain(key, platform, deployment, path);
    }

    /// <summary>Funds <paramref name="key"/>'s account and stakes the Staking contract's minimum from it, the tokens coming from <paramref name="treasury"/>.</summary>
    public static async Task StakeMinimumAsync(SettlementSigner treasury, DeploymentFile deployment, EthECKey key)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(key);
        var provider = new SettlementSigner(LocalServices.AnvilUrl, LocalServices.ChainId, key.GetPrivateKey());
        await FundAsync(provider.Address);
        var minimum = await new StakingService(treasury, deployment.Contracts.Staking).MinStakeQueryAsync();
        await new TokenService(treasury, deployment.Contracts.Token).TransferRequestAndWaitForReceiptAsync(provider.Address, minimum, CancellationToken.None);
        await new TokenService(provider, deployment.Contracts.Token).ApproveRequestAndWaitForReceiptAsync(deployment.Contracts.Staking, minimum, CancellationToken.None);
        await new StakingService(provider, deployment.Contracts.Staking).StakeRequestAndWaitForReceiptAsync(minimum, CancellationToken.None);
    }

    /// <summary>Gives <paramref name="address"/> 1,000 ETH on Anvil for gas.</summary>
    public static Task<object> FundAsync(string address) =>
        new Web3(LocalServices.AnvilUrl).Client.SendRequestAsync<object>("anvil_setBalance", null, address, "0x3635c9adc5dea00000");

    /// <summary>Stakes the minimum for <paramref name="key"/> from this deployment.</summary>
    public Task StakeMinimumAsync(EthECKey key) => StakeMinimumAsync(Platform, Deployment, key);

    /// <inheritdoc />
    public void Dispose() => File.Delete(DeploymentPath);
}
