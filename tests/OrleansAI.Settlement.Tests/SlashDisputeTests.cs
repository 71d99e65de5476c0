using System.Numerics;
using Nethereum.Contracts;
using OrleansAI.Settlement.Contracts.Staking;
using OrleansAI.Settlement.Indexing;

namespace OrleansAI.Settlement.Tests;

/// <summary>
/// Two-phase slashing on Anvil: a slash takes the stake at once and holds the funds until it is
/// finalized (after the dispute window, or when the arbiter rejects a dispute) or restored (an
/// upheld dispute). Each test slashes a fresh provider with its own evidence.
/// </summary>
[Collection(ChainClockGroup.Name)]
public sealed class SlashDisputeTests(PlatformFixture platform) : IClassFixture<PlatformFixture>, IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    public Task InitializeAsync() => platform.UseShortSlashDisputeWindowAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task DisputeUpheldByTheArbiterRestoresTheStakeAndTheEvidenceStaysUsed()
    {
        var provider = await platform.NewStakedProviderAsync(1_000 * TestChain.Oai);
        await provider.Staking.RequestUnbondRequestAndWaitForReceiptAsync(700 * TestChain.Oai, None);
        var unbondingBefore = await provider.Staking.UnbondingOfQueryAsync(provider.Address);
        var pendingBefore = await provider.Staking.TotalPendingSlashesQueryAsync();
        var treasuryBefore = await provider.Staking.ClaimableQueryAsync(platform.Treasury);
        var evidence = Bytes32.Keccak("upheld:" + provider.Address);

        // 300 active first, then 200 of the unbonding stake; the provider drops below the minimum at once.
        var slashed = await platform.Slasher.Staking.SlashRequestAndWaitForReceiptAsync(provider.Address, 500 * TestChain.Oai, evidence, null, None);
        var pendingEvent = Assert.Single(slashed.DecodeAllEvents<SlashPendingEventDTO>()).Event;
        var slash = await provider.Staking.PendingSlashQueryAsync(evidence);
        Assert.Equal(SlashStatus.Pending, slash.SlashStatus);
        Assert.Equal(provider.Address, slash.Provider, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(platform.Treasury, slash.Recipient, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(500 * TestChain.Oai, slash.Amount);
        Assert.Equal(300 * TestChain.Oai, slash.FromActive);
        Assert.Equal(200 * TestChain.Oai, slash.FromUnbonding);
        Assert.Equal(pendingEvent.DisputeUntil, slash.DisputeUntil);
        Assert.Equal(await BlockTimeAsync(slashed.BlockNumber.Value) + (ulong)PlatformFixture.SlashDisputeWindow.TotalSeconds, slash.DisputeUntil);
        Assert.False(await provider.Staking.IsStakedQueryAsync(provider.Address));
        Assert.Equal(pendingBefore + slash.Amount, await provider.Staking.TotalPendingSlashesQueryAsync());

        var disputed = await provider.Staking.DisputeSlashRequestAndWaitForReceiptAsync(evidence, None);
        Assert.Single(disputed.DecodeAllEvents<SlashDisputedEventDTO>());
        Assert.Equal(SlashStatus.Disputed, (await provider.Staking.PendingSlashQueryAsync(evidence)).SlashStatus);

        // The arbiter may rule after the window: a disputed slash is never finalized by time alone.
        await TestChain.AdvancePastAsync(slash.DisputeUntil);
        var notFinal = await Assert.ThrowsAsync<SettlementException>(() => platform.Outsider.Staking.FinalizeSlashRequestAndWaitForReceiptAsync(evidence, None));
        Assert.Equal("SlashNotPending", notFinal.ErrorName);

        var restored = await platform.Arbiter.Staking.ResolveSlashDisputeRequestAndWaitForReceiptAsync(evidence, upheld: true, None);
        var restoredEvent = Assert.Single(restored.DecodeAllEvents<SlashRestoredEventDTO>()).Event;
        Assert.Equal(500 * TestChain.Oai, restoredEvent.Amount);
        Assert.Equal(SlashStatus.Restored, (await provider.Staking.PendingSlashQueryAsync(evidence)).SlashStatus);
        Assert.Equal(300 * TestChain.Oai, await provider.Staking.StakeOfQueryAsync(provider.Address));
        Assert.True(await provider.Staking.IsStakedQueryAsync(provider.Address));
        var unbondingAfter = await provider.Staking.UnbondingOfQueryAsync(provider.Address);
        Assert.Equal(unbondingBefore.Amount, unbondingAfter.Amount);
        Assert.Equal(unbondingBefore.ReleaseAt, unbondingAfter.ReleaseAt);
        Assert.Equal(pendingBefore, await provider.Staking.TotalPendingSlashesQueryAsync());
        Assert.Equal(treasuryBefore, await provider.Staking.ClaimableQueryAsync(platform.Treasury));

        // A restored slash does not free its evidence.
        Assert.True(await provider.Staking.EvidenceUsedQueryAsync(evidence));
        var replay = await Assert.ThrowsAsync<SettlementException>(
            () => platform.Slasher.Staking.SlashRequestAndWaitForReceiptAsync(provider.Address, 100 * TestChain.Oai, evidence, null, None));
        Assert.Equal("EvidenceAlreadyUsed", replay.ErrorName);
        var again = await Assert.ThrowsAsync<SettlementException>(
            () => platform.Arbiter.Staking.ResolveSlashDisputeRequestAndWaitForReceiptAsync(evidence, upheld: false, None));
        Assert.Equal("SlashNotDisputed", again.ErrorName);
    }

    [Fact]
    public async Task UndisputedSlashIsFinalizedOnlyAfterTheWindowAndCreditsTheTreasury()
    {
        var provider = await platform.NewStakedProviderAsync(1_000 * TestChain.Oai);
        var evidence = Bytes32.Keccak("undisputed:" + provider.Address);
        var late = Bytes32.Keccak("disputed-late:" + provider.Address);
        var treasuryBefore = await provider.Staking.ClaimableQueryAsync(platform.Treasury);
        await platform.Slasher.Staking.SlashRequestAndWaitForReceiptAsync(provider.Address, 200 * TestChain.Oai, evidence, null, None);
        await platform.Slasher.Staking.SlashRequestAndWaitForReceiptAsync(provider.Address, 100 * TestChain.Oai, late, null, None);
        var slash = await provider.Staking.PendingSlashQueryAsync(evidence);

        var early = await Assert.ThrowsAsync<SettlementException>(() => platform.Outsider.Staking.FinalizeSlashRequestAndWaitForReceiptAsync(evidence, None));
        Assert.Equal("SlashDisputeWindowOpen", early.ErrorName);
        Assert.False(early.WasMined);
        Assert.Equal(treasuryBefore, await provider.Staking.ClaimableQueryAsync(platform.Treasury));

        await TestChain.AdvancePastAsync((await provider.Staking.PendingSlashQueryAsync(late)).DisputeUntil);
        var closed = await Assert.ThrowsAsync<SettlementException>(() => provider.Staking.DisputeSlashRequestAndWaitForReceiptAsync(late, None));
        Assert.Equal("SlashDisputeWindowClosed", closed.ErrorName);

        // Anyone may finalize; the outsider holds no role.
        var finalized = await platform.Outsider.Staking.FinalizeSlashRequestAndWaitForReceiptAsync(evidence, None);
        var finalizedEvent = Assert.Single(finalized.DecodeAllEvents<SlashFinalizedEventDTO>()).Event;
        Assert.Equal(platform.Treasury, finalizedEvent.Recipient, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(slash.Amount, finalizedEvent.Amount);
        Assert.Equal(SlashStatus.Finalized, (await provider.Staking.PendingSlashQueryAsync(evidence)).SlashStatus);
        Assert.Equal(treasuryBefore + (200 * TestChain.Oai), await provider.Staking.ClaimableQueryAsync(platform.Treasury));
        Assert.Equal(700 * TestChain.Oai, await provider.Staking.StakeOfQueryAsync(provider.Address));

        var twice = await Assert.ThrowsAsync<SettlementException>(() => platform.Outsider.Staking.FinalizeSlashRequestAndWaitForReceiptAsync(evidence, None));
        Assert.Equal("SlashNotPending", twice.ErrorName);
        var disputeFinal = await Assert.ThrowsAsync<SettlementException>(() => provider.Staking.DisputeSlashRequestAndWaitForReceiptAsync(evidence, None));
        Assert.Equal("SlashNotPending", disputeFinal.ErrorName);
        Assert.Equal(treasuryBefore + (200 * TestChain.Oai), await provider.Staking.ClaimableQueryAsync(platform.Treasury));
    }

    [Fact]
    public async Task DisputeRejectedByTheArbiterCreditsTheRecipient()
    {
        var provider = await platform.NewStakedProviderAsync(600 * TestChain.Oai);
        var client = platform.Client;
        var evidence = Bytes32.Keccak("rejected:" + provider.Address);
        var claimableBefore = await client.Staking.ClaimableQueryAsync(client.Address);
        await platform.Slasher.Staking.SlashRequestAndWaitForReceiptAsync(provider.Address, 250 * TestChain.Oai, evidence, client.Address, None);
        Assert.Equal(claimableBefore, await client.Staking.ClaimableQueryAsync(client.Address));

        // Only the slashed provider may dispute.
        var stranger = await Assert.ThrowsAsync<SettlementException>(() => client.Staking.DisputeSlashRequestAndWaitForReceiptAsync(evidence, None));
        Assert.Equal("NotSlashedProvider", stranger.ErrorName);
        await provider.Staking.DisputeSlashRequestAndWaitForReceiptAsync(evidence, None);

        var resolved = await platform.Arbiter.Staking.ResolveSlashDisputeRequestAndWaitForReceiptAsync(evidence, upheld: false, None);
        var finalized = Assert.Single(resolved.DecodeAllEvents<SlashFinalizedEventDTO>()).Event;
        Assert.Equal(client.Address, finalized.Recipient, StringComparer.OrdinalIgnoreCase);
        Assert.Empty(resolved.DecodeAllEvents<SlashRestoredEventDTO>());
        Assert.Equal(SlashStatus.Finalized, (await client.Staking.PendingSlashQueryAsync(evidence)).SlashStatus);
        Assert.Equal(350 * TestChain.Oai, await provider.Staking.StakeOfQueryAsync(provider.Address));
        Assert.Equal(claimableBefore + (250 * TestChain.Oai), await client.Staking.ClaimableQueryAsync(client.Address));

        var balanceBefore = await client.Token.BalanceOfQueryAsync(client.Address);
        await client.Staking.ClaimRequestAndWaitForReceiptAsync(None);
        Assert.Equal(balanceBefore + claimableBefore + (250 * TestChain.Oai), await client.Token.BalanceOfQueryAsync(client.Address));
    }

    [Fact]
    public async Task UnknownEvidenceIsRefusedByEveryStep()
    {
        var evidence = Bytes32.Keccak("never-slashed:" + Guid.NewGuid());
        Assert.Equal(SlashStatus.None, (await platform.Outsider.Staking.PendingSlashQueryAsync(evidence)).SlashStatus);

        var dispute = await Assert.ThrowsAsync<SettlementException>(() => platform.Provider.Staking.DisputeSlashRequestAndWaitForReceiptAsync(evidence, None));
        var finalize = await Assert.ThrowsAsync<SettlementException>(() => platform.Outsider.Staking.FinalizeSlashRequestAndWaitForReceiptAsync(evidence, None));
        var resolve = await Assert.ThrowsAsync<SettlementException>(() => platform.Arbiter.Staking.ResolveSlashDisputeRequestAndWaitForReceiptAsync(evidence, true, None));

        Assert.All(new[] { dispute, finalize, resolve }, error => Assert.Equal("UnknownSlash", error.ErrorName));
    }

    [Fact]
    public async Task MirrorGivesARestoredSlashBackWhateverOrderItSeesTheLogsIn()
    {
        var provider = await platform.NewStakedProviderAsync(1_000 * TestChain.Oai);
        await provider.Staking.RequestUnbondRequestAndWaitForReceiptAsync(900 * TestChain.Oai, None);
        var restoredEvidence = Bytes32.Keccak("mirror-restored:" + provider.Address);
        var keptEvidence = Bytes32.Keccak("mirror-kept:" + provider.Address);
        var (slasher, arbiter) = (platform.Slasher.Staking, platform.Arbiter.Staking);
        await slasher.SlashRequestAndWaitForReceiptAsync(provider.Address, 400 * TestChain.Oai, restoredEvidence, null, None);
        await slasher.SlashRequestAndWaitForReceiptAsync(provider.Address, 60 * TestChain.Oai, keptEvidence, null, None);
        await provider.Staking.DisputeSlashRequestAndWaitForReceiptAsync(restoredEvidence, None);
        await provider.Staking.DisputeSlashRequestAndWaitForReceiptAsync(keptEvidence, None);
        var restore = await arbiter.ResolveSlashDisputeRequestAndWaitForReceiptAsync(restoredEvidence, upheld: true, None);
        await arbiter.ResolveSlashDisputeRequestAndWaitForReceiptAsync(keptEvidence, upheld: false, None);

        // In chain order.
        var polled = ChainIndexer.ForDeployment(platform.Admin.Signer.Web3, platform.Deployment);
        await polled.PollAsync(None);
        await AssertMirrorMatchesChainAsync(polled, provider, slashed: 60 * TestChain.Oai);
        // Both disputes are handed out once, for the platform to bring its fraud cases up to date.
        var changed = polled.TakeSlashChanges();
        Assert.Contains(restoredEvidence, changed);
        Assert.Contains(keptEvidence, changed);
        Assert.Empty(polled.TakeSlashChanges());
        await polled.PollAsync(None);
        Assert.Empty(polled.TakeSlashChanges());

        // The restore's receipt first (as the platform would feed its own transaction), the slash after.
        var receiptFirst = ChainIndexer.ForDeployment(platform.Admin.Signer.Web3, platform.Deployment);
        Assert.Equal(1, receiptFirst.ApplyLogs(restore.Logs));
        Assert.Equal(ProviderStake.None, receiptFirst.Stakes.Get(provider.Address));
        await receiptFirst.PollAsync(None);
        Assert.Equal(0, receiptFirst.ApplyLogs(restore.Logs));
        await AssertMirrorMatchesChainAsync(receiptFirst, provider, slashed: 60 * TestChain.Oai);
        Assert.Equal(polled.Stakes.TotalActive, receiptFirst.Stakes.TotalActive);
    }

    private static async Task AssertMirrorMatchesChainAsync(ChainIndexer indexer, Actor provider, BigInteger slashed)
    {
        var mirrored = indexer.Stakes.Get(provider.Address);
        var unbonding = await provider.Staking.UnbondingOfQueryAsync(provider.Address);
        Assert.Equal(await provider.Staking.StakeOfQueryAsync(provider.Address), mirrored.Active);
        Assert.Equal(unbonding.Amount, mirrored.Unbonding);
        Assert.Equal(unbonding.ReleaseAt, mirrored.ReleaseAt);
        Assert.Equal(slashed, mirrored.Slashed);
    }

    private static async Task<ulong> BlockTimeAsync(BigInteger blockNumber)
    {
        var block = await TestChain.Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new Nethereum.Hex.HexTypes.HexBigInteger(blockNumber));
        return (ulong)block.Timestamp.Value;
    }
}
