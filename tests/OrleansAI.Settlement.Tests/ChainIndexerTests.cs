using OrleansAI.Settlement.Contracts.JobEscrow;
using OrleansAI.Settlement.Indexing;

namespace OrleansAI.Settlement.Tests;

[Collection(ChainClockGroup.Name)]
public sealed class ChainIndexerTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task IndexerMirrorsStakesEscrowAndLicencesAfterALifecycle()
    {
        var contracts = platform.Deployment.Contracts;
        var (provider, second, client, admin) = (platform.Provider, platform.SecondProvider, platform.Client, platform.Admin);
        var escrow = platform.Platform.Escrow;

        // Stakes: two providers, one partly unbonding, the other slashed.
        await platform.StakeAsync(provider, 800 * TestChain.Oai);
        await platform.StakeAsync(second, 300 * TestChain.Oai);
        await provider.Staking.RequestUnbondRequestAndWaitForReceiptAsync(300 * TestChain.Oai, None);
        await platform.Slasher.Staking.SlashRequestAndWaitForReceiptAsync(second.Address, 100 * TestChain.Oai, Bytes32.Keccak("proof"), client.Address, None);

        // Escrow: one job paid twice, completed and closed; one cancelled; one still open.
        var paidJob = await platform.PostJobAsync("indexed-paid", 400 * TestChain.Oai);
        var cancelledJob = await platform.PostUnstartedJobAsync("indexed-cancelled", 100 * TestChain.Oai);
        var openJob = await platform.PostJobAsync("indexed-open", 70 * TestChain.Oai);
        var task1 = SettlementIds.TaskId(paidJob, "1");
        await escrow.ReleasePaymentRequestAndWaitForReceiptAsync(paidJob, task1, provider.Address, 100 * TestChain.Oai, None);
        await escrow.ReleasePaymentRequestAndWaitForReceiptAsync(paidJob, SettlementIds.TaskId(paidJob, "2"), second.Address, 50 * TestChain.Oai, None);
        await escrow.CompleteJobRequestAndWaitForReceiptAsync(paidJob, None);
        await client.Escrow.CancelJobRequestAndWaitForReceiptAsync(cancelledJob, None);
        await TestChain.AdvancePastAsync((await escrow.GetJobQueryAsync(paidJob)).DisputeDeadline);
        await client.Escrow.CloseJobRequestAndWaitForReceiptAsync(paidJob, None);

        // Licences: a model owned by the client, one licence granted, one bought.
        var registered = await platform.Platform.Registry.RegisterModelRequestAndWaitForReceiptAsync(
            client.Address, Bytes32.Keccak("weights"), "blob://model/1", 0, [(provider.Address, (ushort)1_000)], None);
        var modelId = Services.ModelRegistryService.RegisteredModelId(registered);
        await client.Registry.GrantLicenseRequestAndWaitForReceiptAsync(modelId, second.Address, None);
        await client.Registry.SetLicenseTermsRequestAndWaitForReceiptAsync(modelId, contracts.Token, 5 * TestChain.Oai, 0, None);
        await platform.Outsider.Token.ApproveRequestAndWaitForReceiptAsync(contracts.ModelRegistry, 5 * TestChain.Oai, None);
        await platform.Outsider.Registry.BuyLicenseRequestAndWaitForReceiptAsync(modelId, contracts.Token, 5 * TestChain.Oai, None);

        var indexer = ChainIndexer.ForDeployment(admin.Signer.Web3, platform.Deployment, new ChainIndexerOptions { MaxBlockRange = 7 });
        var applied = await indexer.PollAsync(None);

        Assert.True(applied > 0);
        foreach (var staker in new[] { provider, second })
        {
            var mirrored = indexer.Stakes.Get(staker.Address);
            var unbonding = await admin.Staking.UnbondingOfQueryAsync(staker.Address);
            Assert.Equal(await admin.Staking.StakeOfQueryAsync(staker.Address), mirrored.Active);
            Assert.Equal(unbonding.Amount, mirrored.Unbonding);
            Assert.Equal(unbonding.ReleaseAt, mirrored.ReleaseAt);
        }

        Assert.Equal(100 * TestChain.Oai, indexer.Stakes.Get(second.Address).Slashed);
        Assert.Equal(await admin.Staking.TotalStakedQueryAsync(), indexer.Stakes.TotalActive);

        foreach (var jobId in new[] { paidJob, cancelledJob, openJob })
        {
            var onChain = await escrow.GetJobQueryAsync(jobId);
            var mirrored = indexer.Escrow.Get(jobId)!;
            Assert.Equal(onChain.JobStatus, mirrored.Status);
            Assert.Equal(onChain.Remaining, mirrored.Remaining);
            Assert.Equal(onChain.Paid, mirrored.Paid);
            Assert.Equal(onChain.Refunded, mirrored.Refunded);
            Assert.Equal(onChain.Client, mirrored.Client, StringComparer.OrdinalIgnoreCase);
        }

        Assert.Equal(JobStatus.Closed, indexer.Escrow.Get(paidJob)!.Status);
        Assert.Equal(JobStatus.Cancelled, indexer.Escrow.Get(cancelledJob)!.Status);
        Assert.True(indexer.Escrow.IsTaskPaid(paidJob, task1));
        Assert.False(indexer.Escrow.IsTaskPaid(openJob, task1));
        Assert.Equal(await escrow.TotalEscrowedQueryAsync(contracts.Token), indexer.Escrow.TotalEscrowed(contracts.Token));

        foreach (var user in new[] { client.Address, second.Address, platform.Outsider.Address, provider.Address })
        {
            Assert.Equal(await admin.Registry.HasLicenseQueryAsync(user, modelId), indexer.Licenses.HasLicense(user, modelId));
        }

        Assert.Equal(client.Address, indexer.Licenses.OwnerOf(modelId), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RepollingAndReFeedingReceiptsNeverCountsAnEventTwice()
    {
        var provider = platform.Provider;
        var indexer = ChainIndexer.ForDeployment(platform.Admin.Signer.Web3, platform.Deployment);
        await indexer.PollAsync(None);
        var before = indexer.Stakes.Get(provider.Address).Active;
        var applied = indexer.EventsApplied;

        // A receipt's logs are applied at once; the poll that later reads the block skips them.
        await provider.Token.ApproveRequestAndWaitForReceiptAsync(platform.Deployment.Contracts.Staking, 25 * TestChain.Oai, None);
        var receipt = await provider.Staking.StakeRequestAndWaitForReceiptAsync(25 * TestChain.Oai, None);
        Assert.Equal(1, indexer.ApplyLogs(receipt.Logs));
        Assert.Equal(0, indexer.ApplyLogs(receipt.Logs));
        Assert.Equal(before + (25 * TestChain.Oai), indexer.Stakes.Get(provider.Address).Active);

        Assert.Equal(0, await indexer.PollAsync(None));
        Assert.Equal(0, await indexer.PollAsync(None));
        Assert.Equal(0, indexer.ApplyLogs(receipt.Logs));
        Assert.Equal(applied + 1, indexer.EventsApplied);
        Assert.Equal(before + (25 * TestChain.Oai), indexer.Stakes.Get(provider.Address).Active);
        Assert.Equal(await provider.Staking.StakeOfQueryAsync(provider.Address), indexer.Stakes.Get(provider.Address).Active);
        Assert.True(indexer.NextBlock > (ulong)receipt.BlockNumber.Value);
    }
}
