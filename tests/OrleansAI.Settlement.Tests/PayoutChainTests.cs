using System.Numerics;

namespace OrleansAI.Settlement.Tests;

public sealed class PayoutChainTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly PayoutBatcherOptions FastRetries = new() { InitialBackoff = TimeSpan.FromMilliseconds(10), MaxConcurrency = 6 };

    [Fact]
    public async Task ReplayedPayoutPaysOnceAndTheRepeatIsReportedAsAlreadyPaid()
    {
        var token = platform.Deployment.Contracts.Token;
        var escrow = platform.Platform.Escrow;
        var provider = platform.Provider.Address;
        var jobId = await platform.PostJobAsync("replay", 100 * TestChain.Oai);
        var payout = new PayoutRequest(jobId, SettlementIds.TaskId(jobId, "t1"), provider, 40 * TestChain.Oai);

        var first = new PayoutBatcher(new EscrowPayoutSender(escrow), FastRetries);
        Assert.Equal(PayoutEnqueueResult.Queued, first.Enqueue(payout));
        Assert.Equal(PayoutEnqueueResult.AlreadyQueued, first.Enqueue(payout));
        var paid = Assert.Single(await first.FlushAsync(None));
        Assert.Equal(PayoutStatus.Paid, paid.Status);
        Assert.NotNull(paid.TransactionHash);
        var claimable = await escrow.ClaimableQueryAsync(token, provider);
        var remaining = await escrow.RemainingOfQueryAsync(jobId);
        Assert.Equal(60 * TestChain.Oai, remaining);

        // The same batcher remembers the task; a new one (a restarted process) asks the escrow.
        Assert.Equal(PayoutEnqueueResult.AlreadySettled, first.Enqueue(payout));
        var restarted = new PayoutBatcher(new EscrowPayoutSender(escrow), FastRetries);
        restarted.Enqueue(payout);
        var replayed = Assert.Single(await restarted.FlushAsync(None));
        Assert.Equal(PayoutStatus.AlreadyPaid, replayed.Status);
        Assert.Null(replayed.TransactionHash);

        // Sent regardless of the check, the escrow rejects the repeat, and it is reported as such.
        var repeat = await Assert.ThrowsAsync<SettlementException>(() => new EscrowPayoutSender(escrow).PayAsync(payout, None));
        Assert.Equal("TaskAlreadyPaid", repeat.ErrorName);

        Assert.Equal(claimable, await escrow.ClaimableQueryAsync(token, provider));
        Assert.Equal(remaining, await escrow.RemainingOfQueryAsync(jobId));
    }

    [Fact]
    public async Task ConcurrentPayoutsFromOneSignerAllLandWithDistinctNonces()
    {
        var escrow = platform.Platform.Escrow;
        var jobId = await platform.PostJobAsync("concurrent", 1_000 * TestChain.Oai);
        var batcher = new PayoutBatcher(new EscrowPayoutSender(escrow), FastRetries);
        var amount = 10 * TestChain.Oai;
        const int tasks = 12;
        for (var i = 0; i < tasks; i++)
        {
            batcher.Enqueue(new PayoutRequest(jobId, SettlementIds.TaskId(jobId, $"task-{i}"), platform.Provider.Address, amount));
        }

        var outcomes = await batcher.FlushAsync(None);

        Assert.All(outcomes, outcome => Assert.Equal(PayoutStatus.Paid, outcome.Status));
        var nonces = new List<BigInteger>();
        foreach (var outcome in outcomes)
        {
            var transaction = await TestChain.Web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(outcome.TransactionHash);
            nonces.Add(transaction.Nonce.Value);
        }

        Assert.Equal(tasks, nonces.Distinct().Count());
        Assert.Equal(1_000 * TestChain.Oai - (tasks * amount), await escrow.RemainingOfQueryAsync(jobId));
        Assert.Empty(batcher.Pending);
    }

    [Fact]
    public async Task PayoutAboveTheRemainingEscrowFailsWithTheEscrowsErrorAndLeavesTheQueue()
    {
        var escrow = platform.Platform.Escrow;
        var jobId = await platform.PostJobAsync("too-much", 50 * TestChain.Oai);
        var batcher = new PayoutBatcher(new EscrowPayoutSender(escrow), FastRetries);
        batcher.Enqueue(new PayoutRequest(jobId, SettlementIds.TaskId(jobId, "big"), platform.Provider.Address, 51 * TestChain.Oai));

        var outcome = Assert.Single(await batcher.FlushAsync(None));

        Assert.Equal(PayoutStatus.Failed, outcome.Status);
        Assert.Equal("InsufficientEscrow", outcome.ErrorName);
        Assert.Empty(batcher.Pending);
        Assert.Equal(50 * TestChain.Oai, await escrow.RemainingOfQueryAsync(jobId));
    }
}
