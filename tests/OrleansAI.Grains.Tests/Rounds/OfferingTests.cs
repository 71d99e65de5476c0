using OrleansAI.Grains.Verification;
using static OrleansAI.Grains.Tests.Rounds.RoundFixtures;

namespace OrleansAI.Grains.Tests.Rounds;

public sealed class OfferingTests
{
    private static readonly VerificationSetup Verifiers = new(["0xverifier"], 31337);

    [Fact]
    public async Task AFederatedAttemptOffersTheWantedNumberAndTopsUpPastDeclines()
    {
        var host = new FakeRoundHost(Collecting(Federated()), ["a", "b", "c", "d", "e"]);
        host.Declining.Add("a");

        await new FederatedOffering(host, Verifiers).OpenAttemptAsync(wanted: 2);

        Assert.Equal(["a", "b", "c"], host.Offers.Select(o => o.Provider));
        Assert.Equal(2, host.State.Tasks.Values.Count(t => t.State == RoundTaskState.Pending));
        var declined = Assert.Single(host.State.Tasks.Values, t => t.State == RoundTaskState.Declined);
        Assert.Equal("a", declined.Provider);
        Assert.Equal("offline or at capacity", declined.Reason);
        Assert.Equal(1, host.DeadlinesArmed);
        Assert.Equal(0, host.ClosesScheduled);
    }

    [Fact]
    public async Task AFederatedRoundTrainsOnNoMoreProvidersThanTheJobAllowsHoweverManyAreOnline()
    {
        var host = new FakeRoundHost(Collecting(Federated() with { MaxProviders = 3 }), [.. Enumerable.Range(0, 20).Select(i => $"p{i}")]);

        await new FederatedOffering(host, Verifiers).OpenFirstAttemptAsync();

        Assert.Equal(3, host.Offers.Count);
    }

    [Fact]
    public async Task AFederatedAttemptNeverAsksAVerifierOrAProviderThatIsStillBusy()
    {
        var state = Collecting(Federated());
        state.Tasks[Id(1)] = TaskOf("a", RoundTaskState.Pending);
        var host = new FakeRoundHost(state, ["a", "0xverifier", "b"]);

        await new FederatedOffering(host, Verifiers).OpenAttemptAsync(wanted: 2);

        Assert.Equal(["b"], host.Offers.Select(o => o.Provider));
    }

    [Fact]
    public async Task EveryFederatedTaskIsRecordedBeforeItIsOfferedAndGetsItsOwnSeed()
    {
        var host = new FakeRoundHost(Collecting(Federated()), ["a", "b"]);

        await new FederatedOffering(host, Verifiers).OpenAttemptAsync(wanted: 2);

        Assert.All(host.Offers, o => Assert.True(host.State.Tasks.ContainsKey(o.Task.TaskId)));
        Assert.NotEqual(host.Offers[0].Task.Seed, host.Offers[1].Task.Seed);
        Assert.Equal(host.State.DeadlineUtc, host.Offers[0].Task.DeadlineUtc);
        Assert.Equal(host.Now + TimeSpan.FromMinutes(5), host.State.DeadlineUtc);
    }

    [Fact]
    public async Task TheRootTaskGoesToAVerifierWithoutCompressionOrProximalTerm()
    {
        var root = new Interfaces.Storage.ContentReference(new string('b', 64), 500);
        var host = new FakeRoundHost(Collecting(Federated(root: root)), ["a"]);

        await new FederatedOffering(host, Verifiers).OfferRootAsync();

        var (provider, task) = Assert.Single(host.Offers);
        Assert.Equal("0xverifier", provider);
        Assert.Equal(root, task.TrainData);
        Assert.Equal("none", task.Training.Compression);
        Assert.Equal(0, task.Training.ProximalMu);
        Assert.Equal(host.State.Config!.Training.LearningRate, task.Training.LearningRate);
        Assert.Equal(TaskRole.Root, host.State.Tasks[task.TaskId].Role);
    }

    [Fact]
    public async Task EveryDataParallelItemIsOfferedOnceAndADeclineMovesToTheNextProvider()
    {
        var host = new FakeRoundHost(Collecting(DataParallel(items: 3)), ["a", "b", "c", "d"]);
        host.Declining.Add("b");

        await new DataParallelOffering(host, Verifiers).OpenItemsAsync([0, 1, 2], withChecks: false);

        var pending = host.State.Tasks.Values.Where(t => t.State == RoundTaskState.Pending).ToList();
        Assert.Equal([0, 1, 2], pending.Select(t => t.Item!.Value).Order());
        Assert.DoesNotContain(pending, t => t.Provider == "b");
        // A refused primary is forgotten: it was no work.
        Assert.DoesNotContain(host.State.Tasks.Values, t => t.State == RoundTaskState.Declined);
    }

    [Fact]
    public async Task ReplicasNeverGoToTheProviderThatHoldsTheItemAndCanariesGoToVerifiers()
    {
        var verification = new VerificationSettings(ReplicationShare: 1, Replicas: 2, CanaryRate: 1);
        var host = new FakeRoundHost(Collecting(DataParallel(items: 4, verification: verification)), ["a", "b", "c", "d", "e"]);

        await new DataParallelOffering(host, Verifiers).OpenItemsAsync([0, 1, 2, 3], withChecks: true);

        foreach (var item in Enumerable.Range(0, 4))
        {
            var tasks = host.State.Tasks.Values.Where(t => t.Item == item).ToList();
            Assert.Single(tasks, t => t.Role == TaskRole.Primary);
            Assert.Single(tasks, t => t.Role == TaskRole.Replica);
            Assert.Equal("0xverifier", Assert.Single(tasks, t => t.Role == TaskRole.Canary).Provider);
            Assert.Equal(tasks.Count, tasks.Select(t => t.Provider).Distinct().Count());
        }

        // Every task of an item is the same task: a provider cannot tell a check from the work.
        var byItem = host.Offers.GroupBy(o => o.Task.Item);
        Assert.All(byItem, g => Assert.Single(g.Select(o => o.Task with { TaskId = "" }).Distinct()));
    }

    [Fact]
    public async Task TopUpOffersOnlyItemsNobodyWorksOnWithoutANewDeadline()
    {
        var state = Collecting(DataParallel(items: 3));
        state.Tasks[Id(1)] = TaskOf("a", RoundTaskState.Done, item: 0);
        state.Tasks[Id(2)] = TaskOf("b", RoundTaskState.Pending, item: 1);
        state.Tasks[Id(3)] = TaskOf("c", RoundTaskState.Failed, item: 2);
        var deadline = state.DeadlineUtc;
        var host = new FakeRoundHost(state, ["a", "b", "c", "d"]);

        await new DataParallelOffering(host, Verifiers).TopUpAsync();

        var (provider, task) = Assert.Single(host.Offers);
        Assert.Equal(2, task.Item);
        Assert.NotEqual("c", provider);
        Assert.Equal(deadline, host.State.DeadlineUtc);
    }
}
