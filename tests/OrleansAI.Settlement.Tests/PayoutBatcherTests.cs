using System.Numerics;

namespace OrleansAI.Settlement.Tests;

public sealed class PayoutBatcherTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Bytes32 Job = Bytes32.Keccak("job");
    private static readonly string Provider = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";

    private static readonly PayoutBatcherOptions NoWait = new() { InitialBackoff = TimeSpan.Zero, MaxAttempts = 3, MaxConcurrency = 4 };

    private static PayoutRequest Payout(string task, int amount = 10) => new(Job, SettlementIds.TaskId(Job, task), Provider, new BigInteger(amount));

    [Fact]
    public async Task TaskEnqueuedTwiceIsSentOnce()
    {
        var sender = new FakePayoutSender();
        var batcher = new PayoutBatcher(sender, NoWait);

        Assert.Equal(PayoutEnqueueResult.Queued, batcher.Enqueue(Payout("a")));
        Assert.Equal(PayoutEnqueueResult.AlreadyQueued, batcher.Enqueue(Payout("a")));
        var outcomes = await batcher.FlushAsync(None);

        Assert.Equal(PayoutStatus.Paid, Assert.Single(outcomes).Status);
        Assert.Equal(1, sender.PayCalls);
        Assert.Equal(1, sender.PaymentsOf(Payout("a")));
    }

    [Fact]
    public async Task SettledTaskCannotBeQueuedAgainAndASecondFlushSendsNothing()
    {
        var sender = new FakePayoutSender();
        var batcher = new PayoutBatcher(sender, NoWait);
        batcher.Enqueue(Payout("a"));
        await batcher.FlushAsync(None);

        Assert.Equal(PayoutEnqueueResult.AlreadySettled, batcher.Enqueue(Payout("a")));
        Assert.Empty(await batcher.FlushAsync(None));
        Assert.Equal(1, sender.PayCalls);
    }

    [Fact]
    public async Task TaskAlreadyPaidOnChainIsSkippedWithoutSending()
    {
        var sender = new FakePayoutSender();
        sender.MarkPaid(Payout("earlier-process"));
        var batcher = new PayoutBatcher(sender, NoWait);
        batcher.Enqueue(Payout("earlier-process"));

        var outcome = Assert.Single(await batcher.FlushAsync(None));

        Assert.Equal(PayoutStatus.AlreadyPaid, outcome.Status);
        Assert.Equal(0, sender.PayCalls);
        Assert.Empty(batcher.Pending);
    }

    [Fact]
    public async Task TransientFailureIsRetriedAndPaysOnce()
    {
        var sender = new FakePayoutSender();
        sender.Then(_ => new HttpRequestException("connection refused"));
        sender.Then(_ => new TimeoutException("no receipt"));
        var batcher = new PayoutBatcher(sender, NoWait);
        batcher.Enqueue(Payout("flaky"));

        var outcome = Assert.Single(await batcher.FlushAsync(None));

        Assert.Equal(PayoutStatus.Paid, outcome.Status);
        Assert.Equal(3, outcome.Attempts);
        Assert.Equal(1, sender.PaymentsOf(Payout("flaky")));
    }

    [Fact]
    public async Task PaymentThatLandedButLostItsAnswerIsNotSentAgain()
    {
        var sender = new FakePayoutSender();
        sender.ThenPayButLoseTheAnswer(new TimeoutException("no receipt within 2 minutes"));
        var batcher = new PayoutBatcher(sender, NoWait);
        batcher.Enqueue(Payout("lost-answer"));

        var outcome = Assert.Single(await batcher.FlushAsync(None));

        Assert.Equal(PayoutStatus.AlreadyPaid, outcome.Status);
        Assert.Equal(2, outcome.Attempts);
        Assert.Equal(1, sender.PayCalls);
        Assert.Equal(1, sender.PaymentsOf(Payout("lost-answer")));
    }

    [Fact]
    public async Task RepeatRejectedByTheEscrowIsReportedAsAlreadyPaidNotAsFailure()
    {
        // The check saw "unpaid" while another payment of the task was still pending.
        var sender = new FakePayoutSender();
        sender.Then(payout =>
        {
            sender.MarkPaid(payout);
            return new SettlementException("releasePayment reverted: TaskAlreadyPaid") { ErrorName = "TaskAlreadyPaid", TransactionHash = "0xabc" };
        });
        var batcher = new PayoutBatcher(sender, NoWait);
        batcher.Enqueue(Payout("race"));

        var outcome = Assert.Single(await batcher.FlushAsync(None));

        Assert.Equal(PayoutStatus.AlreadyPaid, outcome.Status);
        Assert.Equal("TaskAlreadyPaid", outcome.ErrorName);
        Assert.Equal("0xabc", outcome.TransactionHash);
        Assert.Equal(PayoutEnqueueResult.AlreadySettled, batcher.Enqueue(Payout("race")));
    }

    [Fact]
    public async Task RevertIsReportedAsFailedWithTheErrorNameAndIsNotRetried()
    {
        var sender = new FakePayoutSender();
        sender.Then(_ => new SettlementException("releasePayment would revert: InsufficientEscrow(...)") { ErrorName = "InsufficientEscrow" });
        var batcher = new PayoutBatcher(sender, NoWait);
        batcher.Enqueue(Payout("too-much", 1_000));

        var outcome = Assert.Single(await batcher.FlushAsync(None));

        Assert.Equal(PayoutStatus.Failed, outcome.Status);
        Assert.Equal("InsufficientEscrow", outcome.ErrorName);
        Assert.Equal(1, outcome.Attempts);
        Assert.Empty(batcher.Pending);
        Assert.Equal(PayoutEnqueueResult.Queued, batcher.Enqueue(Payout("too-much", 500)));
    }

    [Fact]
    public async Task PayoutWhoseRetriesRunOutStaysQueuedForTheNextFlush()
    {
        var sender = new FakePayoutSender();
        for (var i = 0; i < NoWait.MaxAttempts; i++)
        {
            sender.Then(_ => new HttpRequestException("node down"));
        }

        var batcher = new PayoutBatcher(sender, NoWait);
        batcher.Enqueue(Payout("deferred"));

        var first = Assert.Single(await batcher.FlushAsync(None));
        Assert.Equal(PayoutStatus.Deferred, first.Status);
        Assert.Contains("node down", first.Detail, StringComparison.Ordinal);
        Assert.Single(batcher.Pending);

        var second = Assert.Single(await batcher.FlushAsync(None));
        Assert.Equal(PayoutStatus.Paid, second.Status);
        Assert.Equal(1, sender.PaymentsOf(Payout("deferred")));
    }

    [Fact]
    public void ConflictingPayoutForAQueuedTaskIsRejectedAndTheFirstStays()
    {
        var batcher = new PayoutBatcher(new FakePayoutSender(), NoWait);
        batcher.Enqueue(Payout("a", 10));

        Assert.Equal(PayoutEnqueueResult.Conflict, batcher.Enqueue(Payout("a", 11)));
        Assert.Equal(PayoutEnqueueResult.Conflict, batcher.Enqueue(Payout("a", 10) with { Provider = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc" }));
        Assert.Equal(new BigInteger(10), Assert.Single(batcher.Pending).Amount);
        Assert.Equal(PayoutEnqueueResult.AlreadyQueued, batcher.Enqueue(Payout("a", 10) with { Provider = Provider.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal) }));
    }

    [Fact]
    public void MalformedPayoutIsRejectedBeforeQueueing()
    {
        var batcher = new PayoutBatcher(new FakePayoutSender(), NoWait);

        Assert.Throws<ArgumentException>(() => batcher.Enqueue(Payout("a", 0)));
        Assert.Throws<ArgumentException>(() => batcher.Enqueue(Payout("a") with { TaskId = Bytes32.Zero }));
        Assert.Throws<ArgumentException>(() => batcher.Enqueue(Payout("a") with { Provider = "not-an-address" }));
        Assert.Throws<ArgumentException>(() => batcher.Enqueue(Payout("a") with { Provider = EthAddresses.Zero }));
        Assert.Empty(batcher.Pending);
    }

    [Fact]
    public async Task ConcurrentFlushesAndEnqueuesSendEveryTaskExactlyOnce()
    {
        var sender = new FakePayoutSender();
        var batcher = new PayoutBatcher(sender, NoWait);
        var payouts = Enumerable.Range(0, 200).Select(i => Payout($"task-{i}")).ToList();

        var enqueuers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            foreach (var payout in payouts)
            {
                batcher.Enqueue(payout);
            }
        }));
        var flushers = Enumerable.Range(0, 4).Select(_ => Task.Run(() => batcher.FlushAsync(None)));
        await Task.WhenAll(enqueuers.Concat(flushers.Cast<Task>()));
        await batcher.FlushAsync(None);

        Assert.Equal(payouts.Count, sender.PayCalls);
        Assert.All(payouts, payout => Assert.Equal(1, sender.PaymentsOf(payout)));
        Assert.Empty(batcher.Pending);
    }

    [Fact]
    public async Task CancelledFlushKeepsUnsentPayoutsQueued()
    {
        var sender = new FakePayoutSender();
        var batcher = new PayoutBatcher(sender, NoWait);
        batcher.Enqueue(Payout("a"));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => batcher.FlushAsync(cancelled.Token));

        Assert.Single(batcher.Pending);
        Assert.Equal(PayoutStatus.Paid, Assert.Single(await batcher.FlushAsync(None)).Status);
    }
}
