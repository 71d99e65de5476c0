using Nethereum.Hex.HexTypes;

namespace OrleansAI.Settlement.Tests;

public sealed class RevertReportingTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task RevertFoundBySimulationIsAnErrorWithTheCustomErrorNameAndNothingIsSent()
    {
        var provider = platform.Provider;
        var nonceBefore = await provider.Signer.Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(provider.Address);

        var error = await Assert.ThrowsAsync<SettlementException>(() => provider.Staking.StakeRequestAndWaitForReceiptAsync(0, None));

        Assert.Equal("ZeroAmount", error.ErrorName);
        Assert.False(error.WasMined);
        Assert.Equal("stake", error.FunctionName);
        Assert.Contains("ZeroAmount", error.Message, StringComparison.Ordinal);
        Assert.Equal(nonceBefore.Value, (await provider.Signer.Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(provider.Address)).Value);
    }

    [Fact]
    public async Task MinedRevertWithAnExplicitGasLimitIsAnErrorCarryingItsHashAndCustomErrorNotASuccess()
    {
        var escrow = platform.Platform.Escrow;
        var jobId = await platform.PostJobAsync("mined-revert", 100 * TestChain.Oai);
        var taskId = SettlementIds.TaskId(jobId, "once");
        await escrow.ReleasePaymentRequestAndWaitForReceiptAsync(jobId, taskId, platform.Provider.Address, 10 * TestChain.Oai, None);

        // An explicit gas limit skips the simulation, so the repeat is mined and reverts on chain.
        var repeat = JobEscrowService.ReleasePayment(jobId, taskId, platform.Provider.Address, 10 * TestChain.Oai);
        repeat.Gas = new HexBigInteger(300_000);
        var error = await Assert.ThrowsAsync<SettlementException>(() => escrow.ReleasePaymentRequestAndWaitForReceiptAsync(repeat, None));

        Assert.True(error.WasMined);
        Assert.Equal("TaskAlreadyPaid", error.ErrorName);
        Assert.Equal(taskId.ToString(), error.Revert!.Arguments.Single(a => a.Name == "taskId").FormattedValue);
        var receipt = await TestChain.Web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(error.TransactionHash);
        Assert.Equal(0, (int)receipt.Status.Value);
        Assert.Equal(90 * TestChain.Oai, await escrow.RemainingOfQueryAsync(jobId));
    }

    [Fact]
    public async Task MinedTransactionThatRunsOutOfGasIsReportedAsOutOfGas()
    {
        var escrow = platform.Platform.Escrow;
        var jobId = await platform.PostJobAsync("out-of-gas", 100 * TestChain.Oai);
        var payment = JobEscrowService.ReleasePayment(jobId, SettlementIds.TaskId(jobId, "starved"), platform.Provider.Address, TestChain.Oai);
        payment.Gas = new HexBigInteger(30_000);

        var error = await Assert.ThrowsAsync<SettlementException>(() => escrow.ReleasePaymentRequestAndWaitForReceiptAsync(payment, None));

        Assert.True(error.WasMined);
        Assert.Equal("OutOfGas", error.ErrorName);
        Assert.False(await escrow.TaskPaidQueryAsync(jobId, SettlementIds.TaskId(jobId, "starved")));
    }

    [Fact]
    public async Task TokenErrorBubbledUpThroughTheEscrowIsDecodedByName()
    {
        var client = platform.Client;
        var jobId = SettlementIds.JobId(client.Address, "no-allowance");
        var deadline = (await TestChain.LatestTimestampAsync()).AddDays(1);

        var error = await Assert.ThrowsAsync<SettlementException>(() => client.Escrow.PostJobRequestAndWaitForReceiptAsync(
            jobId, Bytes32.Keccak("spec"), platform.Deployment.Contracts.Token, 5 * TestChain.Oai, deadline, None));

        Assert.Equal("ERC20InsufficientAllowance", error.ErrorName);
        Assert.Equal(platform.Deployment.Contracts.JobEscrow, error.Revert!.Arguments[0].FormattedValue, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TransferBeyondTheBalanceIsReportedWithTheTokensOwnError()
    {
        var error = await Assert.ThrowsAsync<SettlementException>(() => platform.Outsider.Token.TransferRequestAndWaitForReceiptAsync(
            platform.Client.Address, PlatformFixture.Funding * 2, None));

        Assert.Equal("ERC20InsufficientBalance", error.ErrorName);
    }
}
