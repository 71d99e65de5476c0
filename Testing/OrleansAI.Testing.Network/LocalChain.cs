using Nethereum.Signer;
using Nethereum.Web3;
using OrleansAI.Settlement;
using OrleansAI.Settlement.Deployment;
using OrleansAI.Settlement.Services;

namespace OrleansAI.Testing.Network;

/// <summary>
/// Fresh contracts on the local Anvil under fresh keys, one per role (the platform key deploys and
/// holds PLATFORM_ROLE; the slasher and the arbiter have keys of their own, as the contracts require),
/// with the deployment file the silo and Api read; and the staking every provider needs. Other test
/// assemblies share the chain, so everything here uses fresh keys and its own deployment.
/// </summary>
public sealed class LocalChain : IDisposable
{
    private LocalChain(string platformKey, string slasherKey, string arbiterKey, SettlementSigner platform, DeploymentFile deployment, string deploymentPath)
    {
        PlatformKey = platformKey;
        SlasherKey = slasherKey;
        ArbiterKey = arbiterKey;
        Slasher = new SettlementSigner(LocalServices.AnvilUrl, LocalServices.ChainId, slasherKey);
        Platform = platform;
        Deployment = deployment;
        DeploymentPath = deploymentPath;
    }

    /// <summary>The platform's private key (hex).</summary>
    public string PlatformKey { get; }

    /// <summary>The slasher's private key (hex).</summary>
    public string SlasherKey { get; }

    /// <summary>The arbiter's private key (hex).</summary>
    public string ArbiterKey { get; }

    /// <summary>The slasher account (SLASHER_ROLE on Staking).</summary>
    public SettlementSigner Slasher { get; }

    /// <summary>The platform account (deployer, PLATFORM_ROLE).</summary>
    public SettlementSigner Platform { get; }

    /// <summary>The contracts.</summary>
    public DeploymentFile Deployment { get; }

    /// <summary>Where the deployment file is.</summary>
    public string DeploymentPath { get; }

    /// <summary>The Staking contract as the slasher sees it.</summary>
    public StakingService Staking => new(Slasher, Deployment.Contracts.Staking);

    /// <summary>Silo settings that let it pay from the platform key, slash from the slasher's and rule from the arbiter's.</summary>
    public IReadOnlyDictionary<string, string?> SiloSettings => new Dictionary<string, string?>
    {
        ["Chain:RpcUrl"] = LocalServices.AnvilUrl,
        ["Chain:DeploymentFile"] = DeploymentPath,
        ["Chain:PlatformKey"] = PlatformKey,
        ["Chain:SlasherKey"] = SlasherKey,
        ["Chain:ArbiterKey"] = ArbiterKey,
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
        var slasherKey = EthECKey.GenerateKey();
        var arbiterKey = EthECKey.GenerateKey();
        var platform = new SettlementSigner(LocalServices.AnvilUrl, LocalServices.ChainId, key);
        await FundAsync(platform.Address);
        await FundAsync(slasherKey.GetPublicAddress());
        await FundAsync(arbiterKey.GetPublicAddress());
        var deployment = await new ContractDeployer(platform).DeployAsync(
            new DeploymentParameters { Slasher = slasherKey.GetPublicAddress(), Arbiter = arbiterKey.GetPublicAddress() }, CancellationToken.None);
        deployment.Save(path);
        return new LocalChain(key, slasherKey.GetPrivateKey(), arbiterKey.GetPrivateKey(), platform, deployment, path);
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
    public static Task<object> FundAsync(string address, string? rpcUrl = null) =>
        new Web3(rpcUrl ?? LocalServices.AnvilUrl).Client.SendRequestAsync<object>("anvil_setBalance", null, address, "0x3635c9adc5dea00000");

    /// <summary>Stakes the minimum for <paramref name="key"/> from this deployment.</summary>
    public Task StakeMinimumAsync(EthECKey key) => StakeMinimumAsync(Platform, Deployment, key);

    /// <inheritdoc />
    public void Dispose() => File.Delete(DeploymentPath);
}
