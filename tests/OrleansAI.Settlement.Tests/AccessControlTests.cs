namespace OrleansAI.Settlement.Tests;

[Collection(ChainClockGroup.Name)]
public sealed class AccessControlTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task AccountWithoutThePlatformRoleCannotReleaseAPayment()
    {
        var jobId = await platform.PostJobAsync("unauthorised-release", 100 * TestChain.Oai);

        var error = await Assert.ThrowsAsync<SettlementException>(() => platform.Outsider.Escrow.ReleasePaymentRequestAndWaitForReceiptAsync(
            jobId, SettlementIds.TaskId(jobId, "t"), platform.Outsider.Address, 10 * TestChain.Oai, None));

        AssertUnauthorised(error, Roles.Platform);
        Assert.Equal(100 * TestChain.Oai, await platform.Client.Escrow.RemainingOfQueryAsync(jobId));
    }

    [Fact]
    public async Task AccountWithoutTheSlasherRoleCannotSlash()
    {
        await platform.StakeAsync(platform.SecondProvider, 500 * TestChain.Oai);

        var error = await Assert.ThrowsAsync<SettlementException>(() => platform.Outsider.Staking.SlashRequestAndWaitForReceiptAsync(
            platform.SecondProvider.Address, 10 * TestChain.Oai, Bytes32.Keccak("evidence"), platform.Outsider.Address, None));

        AssertUnauthorised(error, Roles.Slasher);
        Assert.Equal(500 * TestChain.Oai, await platform.Outsider.Staking.StakeOfQueryAsync(platform.SecondProvider.Address));
    }

    [Fact]
    public async Task AccountWithoutTheArbiterRoleCannotResolveADispute()
    {
        var jobId = await platform.PostJobAsync("unauthorised-resolve", 100 * TestChain.Oai);
        await platform.Platform.Escrow.CompleteJobRequestAndWaitForReceiptAsync(jobId, None);
        await platform.Client.Escrow.RaiseDisputeRequestAndWaitForReceiptAsync(jobId, null, Bytes32.Keccak("late"), None);

        var error = await Assert.ThrowsAsync<SettlementException>(() => platform.Outsider.Escrow.ResolveDisputeRequestAndWaitForReceiptAsync(
            jobId, 0, 100 * TestChain.Oai, 0, None));

        AssertUnauthorised(error, Roles.Arbiter);

        // The arbiter (a key of its own) can.
        await platform.Arbiter.Escrow.ResolveDisputeRequestAndWaitForReceiptAsync(jobId, 0, 100 * TestChain.Oai, 0, None);
        Assert.Equal(0, await platform.Client.Escrow.RemainingOfQueryAsync(jobId));
    }

    [Fact]
    public async Task AccountWithoutTheArbiterRoleCannotResolveASlashDispute()
    {
        var provider = await platform.NewStakedProviderAsync(400 * TestChain.Oai);
        var evidence = Bytes32.Keccak("unauthorised-slash-resolve");
        await platform.Slasher.Staking.SlashRequestAndWaitForReceiptAsync(provider.Address, 100 * TestChain.Oai, evidence, null, None);
        await provider.Staking.DisputeSlashRequestAndWaitForReceiptAsync(evidence, None);

        var error = await Assert.ThrowsAsync<SettlementException>(
            () => platform.Outsider.Staking.ResolveSlashDisputeRequestAndWaitForReceiptAsync(evidence, upheld: true, None));

        AssertUnauthorised(error, Roles.Arbiter);
        Assert.Equal(300 * TestChain.Oai, await provider.Staking.StakeOfQueryAsync(provider.Address));

        // Nor can the provider rule on its own dispute; the arbiter (a key of its own) can.
        var own = await Assert.ThrowsAsync<SettlementException>(
            () => provider.Staking.ResolveSlashDisputeRequestAndWaitForReceiptAsync(evidence, upheld: true, None));
        Assert.Equal("AccessControlUnauthorizedAccount", own.ErrorName);
        await platform.Arbiter.Staking.ResolveSlashDisputeRequestAndWaitForReceiptAsync(evidence, upheld: true, None);
        Assert.Equal(400 * TestChain.Oai, await provider.Staking.StakeOfQueryAsync(provider.Address));
    }

    [Fact]
    public async Task AccountWithoutTheGovernorRoleCannotChangeTheSlashDisputeWindow()
    {
        var error = await Assert.ThrowsAsync<SettlementException>(
            () => platform.Outsider.Staking.SetDisputeWindowRequestAndWaitForReceiptAsync(TimeSpan.FromMinutes(1), None));

        AssertUnauthorised(error, Roles.Governor);
    }

    private void AssertUnauthorised(SettlementException error, Bytes32 role)
    {
        Assert.Equal("AccessControlUnauthorizedAccount", error.ErrorName);
        var arguments = error.Revert!.Arguments;
        Assert.Equal(platform.Outsider.Address, arguments.Single(a => a.Name == "account").FormattedValue, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(role.ToString(), arguments.Single(a => a.Name == "neededRole").FormattedValue);
    }
}
