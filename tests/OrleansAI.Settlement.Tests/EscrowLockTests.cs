namespace OrleansAI.Settlement.Tests;

/// <summary>
/// Issue #16 through the bindings on a real chain: a job starts only when its escrow outlasts the
/// job's deadline by the settlement window, a started job's escrow cannot be cancelled, and the
/// platform key can never rule on disputes. None of these moves Anvil's clock.
/// </summary>
[Collection(ChainClockGroup.Name)]
public sealed class EscrowLockTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task AJobStartsOnlyWhenItsEscrowOutlastsItsDeadlinePlusTheSettlementWindowAndCannotThenBeCancelled()
    {
        var jobId = await platform.PostUnstartedJobAsync("locked", 100 * TestChain.Oai);
        var escrow = platform.Platform.Escrow;
        var window = TimeSpan.FromSeconds((double)await escrow.SettlementWindowQueryAsync());
        var escrowDeadline = DateTimeOffset.FromUnixTimeSeconds((long)(await escrow.GetJobQueryAsync(jobId)).Deadline);
        Assert.Equal(TimeSpan.FromDays(2), window);

        // One second too late: the escrow would end before the platform could settle.
        var tooLate = await Assert.ThrowsAsync<SettlementException>(
            () => escrow.StartJobRequestAndWaitForReceiptAsync(jobId, escrowDeadline - window + TimeSpan.FromSeconds(1), None));
        Assert.Equal("EscrowDeadlineTooEarly", tooLate.ErrorName);
        // Nor can a payment run before the start.
        var early = await Assert.ThrowsAsync<SettlementException>(() => escrow.ReleasePaymentRequestAndWaitForReceiptAsync(
            jobId, SettlementIds.TaskId(jobId, "t"), platform.Provider.Address, 1, None));
        Assert.Equal("JobNotStarted", early.ErrorName);

        await escrow.StartJobRequestAndWaitForReceiptAsync(jobId, escrowDeadline - window, None);
        var job = await escrow.GetJobQueryAsync(jobId);
        Assert.True(job.Started);
        Assert.Equal((ulong)(escrowDeadline - window).ToUnixTimeSeconds(), job.JobDeadline);

        var cancel = await Assert.ThrowsAsync<SettlementException>(() => platform.Client.Escrow.CancelJobRequestAndWaitForReceiptAsync(jobId, None));
        Assert.Equal("JobAlreadyStarted", cancel.ErrorName);
        var close = await Assert.ThrowsAsync<SettlementException>(() => platform.Client.Escrow.CloseJobRequestAndWaitForReceiptAsync(jobId, None));
        Assert.Equal("NotClosable", close.ErrorName);
        Assert.Equal(100 * TestChain.Oai, await escrow.RemainingOfQueryAsync(jobId));
    }

    [Fact]
    public async Task ThePlatformAndSlasherKeysCanNeverBeGrantedTheArbiterRole()
    {
        var onEscrow = await Assert.ThrowsAsync<SettlementException>(
            () => platform.Admin.Escrow.Roles.GrantRoleRequestAndWaitForReceiptAsync(Roles.Arbiter, platform.Platform.Address, None));
        Assert.Equal("RoleConflict", onEscrow.ErrorName);
        var onStaking = await Assert.ThrowsAsync<SettlementException>(
            () => platform.Admin.Staking.Roles.GrantRoleRequestAndWaitForReceiptAsync(Roles.Arbiter, platform.Slasher.Address, None));
        Assert.Equal("RoleConflict", onStaking.ErrorName);
        Assert.False(await platform.Admin.Staking.Roles.HasRoleQueryAsync(Roles.Arbiter, platform.Slasher.Address));
    }

    [Fact]
    public async Task TheSlasherCannotSendSlashedFundsWhereGovernanceDidNotAllow()
    {
        var provider = await platform.NewStakedProviderAsync(400 * TestChain.Oai);
        var error = await Assert.ThrowsAsync<SettlementException>(() => platform.Slasher.Staking.SlashRequestAndWaitForReceiptAsync(
            provider.Address, 10 * TestChain.Oai, Bytes32.Keccak("to-myself"), platform.Slasher.Address, None));
        Assert.Equal("DestinationNotAllowed", error.ErrorName);
        Assert.Equal(400 * TestChain.Oai, await provider.Staking.StakeOfQueryAsync(provider.Address));
    }
}
