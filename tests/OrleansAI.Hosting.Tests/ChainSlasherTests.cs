using Microsoft.Extensions.Logging.Abstractions;
using Nethereum.Signer;
using Nethereum.Web3;
using OrleansAI.Grains.Interfaces.Verification;
using OrleansAI.Hosting.Chain;
using OrleansAI.Settlement;
using OrleansAI.Settlement.Deployment;
using OrleansAI.Settlement.Services;

namespace OrleansAI.Hosting.Tests;

/// <summary>
/// Issue #16 through the silo's slasher on Anvil: it slashes from the slasher's key, which cannot
/// rule; a ruling needs the arbiter's own key, and without one the dispute stays with the arbiter on
/// chain. Fresh keys and contracts; Anvil's clock is not moved.
/// </summary>
public sealed class ChainSlasherTests
{
    private static readonly System.Numerics.BigInteger Oai = System.Numerics.BigInteger.Pow(10, 18);

    private static async Task<SettlementSigner> FundedSignerAsync()
    {
        var signer = new SettlementSigner(LocalServices.AnvilUrl, LocalServices.ChainId, EthECKey.GenerateKey().GetPrivateKey());
        await new Web3(LocalServices.AnvilUrl).Client.SendRequestAsync<object>("anvil_setBalance", null, signer.Address, "0x3635c9adc5dea00000");
        return signer;
    }

    [Fact]
    public async Task TheSlasherKeySlashesButOnlyTheArbiterKeyRules()
    {
        var (platform, slasher, arbiter, provider) = (await FundedSignerAsync(), await FundedSignerAsync(), await FundedSignerAsync(), await FundedSignerAsync());
        var deployment = await new ContractDeployer(platform).DeployAsync(
            new DeploymentParameters { Slasher = slasher.Address, Arbiter = arbiter.Address }, CancellationToken.None);
        var staked = 1_000 * Oai;
        await new TokenService(platform, deployment.Contracts.Token).TransferRequestAndWaitForReceiptAsync(provider.Address, staked, CancellationToken.None);
        await new TokenService(provider, deployment.Contracts.Token).ApproveRequestAndWaitForReceiptAsync(deployment.Contracts.Staking, staked, CancellationToken.None);
        var asProvider = new StakingService(provider, deployment.Contracts.Staking);
        await asProvider.StakeRequestAndWaitForReceiptAsync(staked, CancellationToken.None);

        var bySlasher = new StakingService(slasher, deployment.Contracts.Staking);
        var withoutArbiter = new ChainSlasher(bySlasher, null, 1_000, NullLogger<ChainSlasher>.Instance);
        var withArbiter = new ChainSlasher(bySlasher, new StakingService(arbiter, deployment.Contracts.Staking), 1_000, NullLogger<ChainSlasher>.Instance);
        var evidence = Bytes32.Keccak("chain-slasher:" + provider.Address);

        var outcome = await withoutArbiter.SlashAsync(provider.Address, evidence.ToString(), CancellationToken.None);
        Assert.Equal(FraudCaseStatus.Slashed, outcome.Status);
        Assert.Equal(900 * Oai, await asProvider.SlashableOfQueryAsync(provider.Address));
        await asProvider.DisputeSlashRequestAndWaitForReceiptAsync(evidence, CancellationToken.None);

        // The slasher's key cannot rule on its own slash: without an arbiter key nothing is ruled here.
        Assert.Equal(FraudCaseStatus.Disputed, await withoutArbiter.ResolveDisputeAsync(evidence.ToString(), upheld: true, CancellationToken.None));
        var own = await Assert.ThrowsAsync<SettlementException>(() => bySlasher.ResolveSlashDisputeRequestAndWaitForReceiptAsync(evidence, true, CancellationToken.None));
        Assert.Equal("AccessControlUnauthorizedAccount", own.ErrorName);

        Assert.Equal(FraudCaseStatus.Restored, await withArbiter.ResolveDisputeAsync(evidence.ToString(), upheld: true, CancellationToken.None));
        Assert.Equal(staked, await asProvider.SlashableOfQueryAsync(provider.Address));
    }
}
