using Nethereum.Signer;

namespace OrleansAI.Network.Tests;

/// <summary>
/// Fresh contracts on Anvil under a fresh platform key, and an inference network of three staked
/// serving providers (the third lies) whose silo slashes from that key: what the fraud tests share.
/// </summary>
internal sealed class ChainNetwork : IAsyncDisposable
{
    private const long ChainId = 31337;
    private readonly string _deploymentPath;

    private ChainNetwork(string deploymentPath, SettlementSigner platform, SettlementSigner slasher, DeploymentFile deployment, InferenceNetwork served)
    {
        _deploymentPath = deploymentPath;
        Platform = platform;
        Deployment = deployment;
        Served = served;
        Staking = new StakingService(slasher, deployment.Contracts.Staking);
    }

    /// <summary>The platform account (deployer, PLATFORM_ROLE).</summary>
    public SettlementSigner Platform { get; }

    /// <summary>The contracts.</summary>
    public DeploymentFile Deployment { get; }

    /// <summary>The Staking contract as the slasher sees it.</summary>
    public StakingService Staking { get; }

    /// <summary>The network, its providers staked.</summary>
    public InferenceNetwork Served { get; }

    /// <summary>Deploys, sets the dispute window when given (seconds, so a test can see it end), starts and stakes.</summary>
    public static async Task<ChainNetwork> StartAsync(TimeSpan? disputeWindow)
    {
        var chain = await LocalChain.DeployAsync();
        var (deploymentPath, platform, deployment) = (chain.DeploymentPath, chain.Platform, chain.Deployment);
        if (disputeWindow is { } window)
        {
            // Shortened on this deployment only, without moving the shared chain's clock.
            var staking = new StakingService(platform, deployment.Contracts.Staking);
            await staking.Roles.GrantRoleRequestAndWaitForReceiptAsync(Roles.Governor, platform.Address, CancellationToken.None);
            await staking.SetDisputeWindowRequestAndWaitForReceiptAsync(window, CancellationToken.None);
        }

        var served = await InferenceNetwork.StartAsync(
            3,
            new HashSet<int> { 2 },
            replicas: 3,
            apiSettings: new Dictionary<string, string?> { ["Chain:DeploymentFile"] = deploymentPath, ["Gateway:RequireStake"] = "false" },
            siloSettings: chain.SiloSettings);
        foreach (var key in served.Network.Keys)
        {
            await LocalChain.StakeMinimumAsync(platform, deployment, key);
        }

        return new ChainNetwork(deploymentPath, platform, chain.Slasher, deployment, served);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Served.DisposeAsync();
        File.Delete(_deploymentPath);
    }
}
