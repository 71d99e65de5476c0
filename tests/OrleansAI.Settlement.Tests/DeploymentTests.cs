namespace OrleansAI.Settlement.Tests;

public sealed class DeploymentTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task DeployerWiresRewardsAsStakeListenerAndGivesGovernanceAndThePlatformTheirRoles()
    {
        var contracts = platform.Deployment.Contracts;
        var signer = platform.Admin.Signer;
        var platformAccount = platform.Platform.Address;
        var governance = contracts.Governance;

        Assert.Equal(contracts.Rewards, await platform.Admin.Staking.StakeListenerQueryAsync(), StringComparer.OrdinalIgnoreCase);
        foreach (var address in new[] { contracts.Staking, contracts.Rewards, contracts.JobEscrow, contracts.ModelRegistry })
        {
            var roles = new AccessControlService(signer, address);
            Assert.True(await roles.HasRoleQueryAsync(Roles.Governor, governance));
            Assert.True(await roles.HasRoleQueryAsync(Roles.DefaultAdmin, signer.Address));
            Assert.False(await roles.HasRoleQueryAsync(Roles.DefaultAdmin, governance));
        }

        // One key per role: the platform neither slashes nor rules; the slasher never rules.
        Assert.True(await platform.Admin.Staking.Roles.HasRoleQueryAsync(Roles.Slasher, platform.Slasher.Address));
        Assert.False(await platform.Admin.Staking.Roles.HasRoleQueryAsync(Roles.Slasher, platformAccount));
        Assert.True(await platform.Admin.Staking.Roles.HasRoleQueryAsync(Roles.Arbiter, platform.Arbiter.Address));
        Assert.False(await platform.Admin.Staking.Roles.HasRoleQueryAsync(Roles.Arbiter, platformAccount));
        Assert.False(await platform.Admin.Staking.Roles.HasRoleQueryAsync(Roles.Arbiter, platform.Slasher.Address));
        Assert.False(await platform.Admin.Staking.Roles.HasRoleQueryAsync(Roles.Arbiter, platform.Outsider.Address));
        Assert.True(await platform.Admin.Escrow.Roles.HasRoleQueryAsync(Roles.Platform, platformAccount));
        Assert.True(await platform.Admin.Escrow.Roles.HasRoleQueryAsync(Roles.Arbiter, platform.Arbiter.Address));
        Assert.False(await platform.Admin.Escrow.Roles.HasRoleQueryAsync(Roles.Arbiter, platformAccount));
        Assert.True(await platform.Admin.Rewards.Roles.HasRoleQueryAsync(Roles.Platform, platformAccount));
        Assert.True(await platform.Admin.Registry.Roles.HasRoleQueryAsync(Roles.Platform, platformAccount));
        Assert.False(await platform.Admin.Escrow.Roles.HasRoleQueryAsync(Roles.Platform, platform.Outsider.Address));
        Assert.Equal(PlatformFixture.FeeBps, (int)await platform.Admin.Escrow.FeeBpsQueryAsync());
        Assert.Equal((long)PlatformFixture.UnbondingPeriod.TotalSeconds, (long)await platform.Admin.Staking.UnbondingPeriodQueryAsync());
        Assert.Equal((long)TimeSpan.FromDays(2).TotalSeconds, (long)await platform.Admin.Staking.DisputeWindowQueryAsync());
        Assert.Equal(await platform.Admin.Token.TotalSupplyQueryAsync(), await platform.Admin.Token.GetVotesQueryAsync(signer.Address) + (4 * PlatformFixture.Funding));
    }

    [Fact]
    public async Task DeploymentFileRoundTripsAndIsRecognisedOnlyOnAChainThatHasItsContracts()
    {
        var path = Path.Combine(Path.GetTempPath(), $"oai-deployment-{Guid.NewGuid():N}", "deployment.json");
        try
        {
            platform.Deployment.Save(path);
            var loaded = DeploymentFile.Load(path);

            Assert.Equal(platform.Deployment, loaded);
            Assert.Equal(TestChain.ChainId, loaded.ChainId);
            Assert.True(loaded.BlockNumber > 0);
            var web3 = platform.Admin.Signer.Web3;
            Assert.True(await ContractDeployer.IsDeployedAsync(web3, loaded, CancellationToken.None));
            Assert.False(await ContractDeployer.IsDeployedAsync(web3, loaded with { ChainId = 1 }, CancellationToken.None));
            var missing = loaded with { Contracts = loaded.Contracts with { Governance = TestChain.NewAddress() } };
            Assert.False(await ContractDeployer.IsDeployedAsync(web3, missing, CancellationToken.None));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public async Task HandingAdminToGovernanceLeavesTheDeployerWithoutAdminRights()
    {
        var deployer = await TestChain.NewFundedSignerAsync();
        var deployment = await new ContractDeployer(deployer).DeployAsync(
            new DeploymentParameters { Platform = platform.Platform.Address, HandAdminToGovernance = true }, CancellationToken.None);

        var staking = new StakingService(deployer, deployment.Contracts.Staking);
        Assert.True(await staking.Roles.HasRoleQueryAsync(Roles.DefaultAdmin, deployment.Contracts.Governance));
        Assert.False(await staking.Roles.HasRoleQueryAsync(Roles.DefaultAdmin, deployer.Address));
        var error = await Assert.ThrowsAsync<SettlementException>(
            () => staking.Roles.GrantRoleRequestAndWaitForReceiptAsync(Roles.Slasher, platform.Outsider.Address, CancellationToken.None));
        Assert.Equal("AccessControlUnauthorizedAccount", error.ErrorName);
    }
}
