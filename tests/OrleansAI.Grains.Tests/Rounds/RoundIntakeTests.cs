using static OrleansAI.Grains.Tests.Rounds.RoundFixtures;

namespace OrleansAI.Grains.Tests.Rounds;

public sealed class RoundIntakeTests
{
    private static (FakeRoundHost Host, RoundIntake Intake, MemoryContentStore Store) Round(RoundState state)
    {
        var host = new FakeRoundHost(state, ["a", "b", "c"]);
        var store = new MemoryContentStore();
        return (host, new RoundIntake(host, new ResultPrefetcher(store, new RoundReadBudget())), store);
    }

    [Fact]
    public async Task AResultIsRefusedFromAnyoneButTheTasksProvider()
    {
        var state = Collecting(Federated());
        state.Tasks[Id(1)] = TaskOf("a", RoundTaskState.Pending);
        var (_, intake, _) = Round(state);

        Assert.Equal(SubmitOutcome.Refused, await intake.SubmitAsync("b", Report(Id(1), SomeWeights), closing: false));
        Assert.Equal(SubmitOutcome.Refused, await intake.SubmitAsync("a", Report(Id(9), SomeWeights), closing: false));
        Assert.Equal(RoundTaskState.Pending, state.Tasks[Id(1)].State);
    }

    [Fact]
    public async Task AResultCountsOnceAndTheLastOneNeededSchedulesTheClose()
    {
        var state = Collecting(Federated(quorum: 1));
        state.Tasks[Id(1)] = TaskOf("a", RoundTaskState.Pending);
        var (host, intake, _) = Round(state);

        Assert.Equal(SubmitOutcome.Accepted, await intake.SubmitAsync("a", Report(Id(1), SomeWeights), closing: false));
        Assert.Equal(SubmitOutcome.Duplicate, await intake.SubmitAsync("a", Report(Id(1), SomeWeights), closing: false));

        Assert.Equal(RoundTaskState.Done, state.Tasks[Id(1)].State);
        Assert.Equal(host.Now, state.Tasks[Id(1)].ReportedUtc);
        Assert.Equal(1, host.ClosesScheduled);
        Assert.Equal(1, host.Commits);
    }

    [Fact]
    public async Task AResultIsLateWhileTheRoundAggregatesAndChangesNothing()
    {
        var state = Collecting(Federated());
        state.Tasks[Id(1)] = TaskOf("a", RoundTaskState.Pending);
        var (host, intake, _) = Round(state);

        Assert.Equal(SubmitOutcome.Late, await intake.SubmitAsync("a", Report(Id(1), SomeWeights), closing: true));
        Assert.Equal(RoundTaskState.Pending, state.Tasks[Id(1)].State);
        Assert.Equal(0, host.Commits);
    }

    [Fact]
    public async Task AnInvalidResultFailsItsTask()
    {
        var state = Collecting(Federated());
        state.Tasks[Id(1)] = TaskOf("a", RoundTaskState.Pending);
        var (_, intake, _) = Round(state);

        Assert.Equal(SubmitOutcome.Refused, await intake.SubmitAsync("a", Report(Id(1), null), closing: false));
        Assert.Equal(RoundTaskState.Failed, state.Tasks[Id(1)].State);
        Assert.Contains("result blob", state.Tasks[Id(1)].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStragglerOfABufferedRoundIsPassedToTheNextRoundWithItsStaleness()
    {
        var state = Collecting(Federated(bufferSize: 2));
        state.Status = RoundStatus.Closed;
        state.Tasks[Id(1)] = TaskOf("a", RoundTaskState.Carried);
        var (host, intake, _) = Round(state);

        Assert.Equal(SubmitOutcome.Accepted, await intake.SubmitAsync("a", Report(Id(1), SomeWeights), closing: false));

        var (provider, _, baseRound) = Assert.Single(host.Forwarded);
        Assert.Equal("a", provider);
        Assert.Equal(2, baseRound);
    }

    [Fact]
    public async Task ACarriedResultJoinsACollectingBufferedRoundOnce()
    {
        var state = Collecting(Federated(bufferSize: 2));
        var (_, intake, store) = Round(state);
        var blob = store.Upload(Id(5), Safetensors(Parameters(1)));

        Assert.Equal(SubmitOutcome.Accepted, await intake.SubmitCarriedAsync("a", Report(Id(5), blob), 1, SomeWeights, closing: false));
        Assert.Equal(SubmitOutcome.Duplicate, await intake.SubmitCarriedAsync("a", Report(Id(5), blob), 1, SomeWeights, closing: false));
        Assert.Equal(1, state.Tasks[Id(5)].BaseRound);
        Assert.Equal(SubmitOutcome.Late, await intake.SubmitCarriedAsync("a", Report(Id(6), blob), 2, SomeWeights, closing: false));
    }

    [Fact]
    public async Task AFailureClosesTheRoundWhenNothingElseIsComing()
    {
        var state = Collecting(Federated(quorum: 2));
        state.Tasks[Id(1)] = TaskOf("a", RoundTaskState.Done);
        state.Tasks[Id(2)] = TaskOf("b", RoundTaskState.Pending);
        var (host, intake, _) = Round(state);

        await intake.ReportFailureAsync("b", Id(2), new string('x', 500), closing: false);

        Assert.Equal(RoundTaskState.Failed, state.Tasks[Id(2)].State);
        Assert.Equal(200, state.Tasks[Id(2)].Reason.Length);
        Assert.Equal(1, host.ClosesScheduled);
    }

    [Fact]
    public async Task AcceptedResultsAreReadEarlyWithinTheSilosBudget()
    {
        var state = Collecting(Federated(quorum: 3));
        state.Tasks[Id(1)] = TaskOf("a", RoundTaskState.Pending);
        state.Tasks[Id(2)] = TaskOf("b", RoundTaskState.Pending);
        var host = new FakeRoundHost(state, ["a", "b"]);
        var store = new MemoryContentStore();
        var bytes = Safetensors(Parameters(1));
        var budget = new RoundReadBudget(bytes.Length + 1);
        var prefetcher = new ResultPrefetcher(store, budget);
        var intake = new RoundIntake(host, prefetcher);

        await intake.SubmitAsync("a", Report(Id(1), store.Upload(Id(1), bytes)), closing: false);
        await intake.SubmitAsync("b", Report(Id(2), store.Upload(Id(2), bytes)), closing: false);

        Assert.Equal([Id(1)], prefetcher.Reads.Keys);
        Assert.Null((await prefetcher.Reads[Id(1)]).Problem);
        Assert.Equal(bytes.Length, budget.Held);
        prefetcher.Forget();
        Assert.Equal(0, budget.Held);
    }
}
