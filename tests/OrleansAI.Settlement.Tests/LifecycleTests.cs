using OrleansAI.Settlement.Contracts.JobEscrow;

namespace OrleansAI.Settlement.Tests;

[Collection(ChainClockGroup.Name)]
public sealed class LifecycleTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ProviderStakesClientFundsAJobPlatformPaysATaskRemainderIsRefundedAndStakeIsWithdrawnAfterTheCooldown()
    {
        var contracts = platform.Deployment.Contracts;
        var provider = platform.Provider;
        var client = platform.Client;
        var providerStart = await provider.Token.BalanceOfQueryAsync(provider.Address);
        var clientStart = await client.Token.BalanceOfQueryAsync(client.Address);

        // Stake.
        var stake = 1_000 * TestChain.Oai;
        await platform.StakeAsync(provider, stake);
        Assert.Equal(stake, await provider.Staking.StakeOfQueryAsync(provider.Address));
        Assert.True(await provider.Staking.IsStakedQueryAsync(provider.Address));

        // Post a job (approve + post) and bid.
        var budget = 500 * TestChain.Oai;
        var jobId = await platform.PostJobAsync("lifecycle", budget);
        Assert.Equal(budget, await client.Escrow.RemainingOfQueryAsync(jobId));
        Assert.Equal(JobStatus.Open, (await client.Escrow.GetJobQueryAsync(jobId)).JobStatus);
        await provider.Escrow.PlaceBidRequestAndWaitForReceiptAsync(jobId, 200 * TestChain.Oai, None);
        Assert.Equal(200 * TestChain.Oai, await provider.Escrow.BidOfQueryAsync(jobId, provider.Address));

        // Pay one task: the provider is credited net of the fee, the treasury the fee.
        var pay = 200 * TestChain.Oai;
        var fee = pay * PlatformFixture.FeeBps / 10_000;
        var receipt = await platform.Platform.Escrow.ReleasePaymentRequestAndWaitForReceiptAsync(
            jobId, SettlementIds.TaskId(jobId, "task-1"), provider.Address, pay, None);
        Assert.Equal(1, (int)receipt.Status.Value);
        Assert.Equal(pay - fee, await provider.Escrow.ClaimableQueryAsync(contracts.Token, provider.Address));
        Assert.Equal(fee, await provider.Escrow.ClaimableQueryAsync(contracts.Token, platform.Treasury));
        Assert.Equal(budget - pay, await client.Escrow.RemainingOfQueryAsync(jobId));

        // Complete; the remainder goes back to the client once the dispute window is over.
        await platform.Platform.Escrow.CompleteJobRequestAndWaitForReceiptAsync(jobId, None);
        var early = await Assert.ThrowsAsync<SettlementException>(() => client.Escrow.CloseJobRequestAndWaitForReceiptAsync(jobId, None));
        Assert.Equal("NotClosable", early.ErrorName);
        await TestChain.AdvancePastAsync((await client.Escrow.GetJobQueryAsync(jobId)).DisputeDeadline);
        await client.Escrow.CloseJobRequestAndWaitForReceiptAsync(jobId, None);
        var closed = await client.Escrow.GetJobQueryAsync(jobId);
        Assert.Equal(JobStatus.Closed, closed.JobStatus);
        Assert.Equal(budget - pay, closed.Refunded);
        Assert.Equal(0, await client.Escrow.RemainingOfQueryAsync(jobId));
        await client.Escrow.WithdrawRequestAndWaitForReceiptAsync(contracts.Token, None);
        Assert.Equal(clientStart - pay, await client.Token.BalanceOfQueryAsync(client.Address));
        await provider.Escrow.WithdrawRequestAndWaitForReceiptAsync(contracts.Token, None);

        // Unbond: the stake stops counting at once and is withdrawable only after the cooldown.
        await provider.Staking.RequestUnbondRequestAndWaitForReceiptAsync(stake, None);
        Assert.False(await provider.Staking.IsStakedQueryAsync(provider.Address));
        var unbonding = await provider.Staking.UnbondingOfQueryAsync(provider.Address);
        Assert.Equal(stake, unbonding.Amount);
        var tooEarly = await Assert.ThrowsAsync<SettlementException>(() => provider.Staking.WithdrawRequestAndWaitForReceiptAsync(None));
        Assert.Equal("UnbondingNotReady", tooEarly.ErrorName);
        Assert.False(tooEarly.WasMined);

        await TestChain.AdvancePastAsync(unbonding.ReleaseAt);
        await provider.Staking.WithdrawRequestAndWaitForReceiptAsync(None);
        Assert.Equal(0, await provider.Staking.SlashableOfQueryAsync(provider.Address));
        Assert.Equal(providerStart + pay - fee, await provider.Token.BalanceOfQueryAsync(provider.Address));
    }
}
