namespace OrleansAI.Grains.Tests.Rounds;

public sealed class ReadBudgetAndCommitTests
{
    [Fact]
    public void TheReadBudgetRefusesWhatDoesNotFitAndTakesNothingForIt()
    {
        var budget = new RoundReadBudget(100);
        Assert.True(budget.TryReserve(60));
        Assert.False(budget.TryReserve(41));
        Assert.Equal(60, budget.Held);
        Assert.True(budget.TryReserve(40));
        budget.Release(100);
        Assert.Equal(0, budget.Held);
    }

    [Fact]
    public async Task ConcurrentReservationsNeverExceedTheBudget()
    {
        var budget = new RoundReadBudget(1000);
        var granted = 0;
        await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                if (budget.TryReserve(7))
                {
                    Interlocked.Add(ref granted, 7);
                }
            }
        })));

        Assert.Equal(granted, budget.Held);
        Assert.InRange(granted, 994, 1000);
    }

    [Fact]
    public async Task ABurstOfCommitsSharesWritesAndNeverOverlapsThem()
    {
        var writes = 0;
        var inFlight = 0;
        var overlapped = false;
        var release = new TaskCompletionSource();
        GroupCommit? commit = null;
        commit = new GroupCommit(async () =>
        {
            overlapped |= Interlocked.Increment(ref inFlight) > 1;
            writes++;
            await release.Task;
            Interlocked.Decrement(ref inFlight);
        });

        var first = commit.CommitAsync();
        await Task.Delay(50);
        var burst = Enumerable.Range(0, 10).Select(_ => commit.CommitAsync()).ToList();
        release.SetResult();
        await first;
        await Task.WhenAll(burst);

        Assert.False(overlapped);
        Assert.Equal(2, writes);
    }
}
