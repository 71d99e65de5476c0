using OrleansAI.Grains.Verification;
using OrleansAI.Models.Weights;
using static OrleansAI.Grains.Tests.Rounds.RoundFixtures;

namespace OrleansAI.Grains.Tests.Rounds;

public sealed class ClosingTests
{
    private static float[] Stored(MemoryContentStore store, Interfaces.Storage.ContentReference reference) =>
        ModelWeights.FromSafetensors(Plan, store.Get(reference.Sha256)).Values;

    [Fact]
    public async Task AFederatedRoundAveragesItsResultsByExamplesAndStoresTheModel()
    {
        var store = new MemoryContentStore();
        var state = Collecting(Federated(weights: store.Put(Safetensors(Parameters(0)))));
        var a = DoneWith(store, state, 1, "a", Parameters(1), examples: 10);
        var b = DoneWith(store, state, 2, "b", Parameters(3), examples: 30);

        var outcome = await FederatedClosing.CloseAsync(store, state.Config!, state.Done(), [], null, null, CancellationToken.None);

        Assert.Null(outcome.KeptBecause);
        Assert.All(Stored(store, outcome.NewWeights!), v => Assert.Equal(2.5f, v, 5));
        Assert.All(outcome.Contributions, c => Assert.True(c.Used));
        Assert.Equal([a.Id, b.Id], outcome.Contributions.Select(c => c.TaskId));
    }

    [Fact]
    public async Task AFederatedProviderClaimingABillionExamplesWeighsAtMostThreeMediansOfTheRound()
    {
        var store = new MemoryContentStore();
        var state = Collecting(Federated(weights: store.Put(Safetensors(Parameters(0)))));
        foreach (var (n, provider) in new[] { (1, "a"), (2, "b"), (3, "c"), (4, "d") })
        {
            DoneWith(store, state, n, provider, Parameters(1), examples: 100);
        }

        DoneWith(store, state, 5, "liar", Parameters(2), examples: 1_000_000_000);

        var outcome = await FederatedClosing.CloseAsync(store, state.Config!, state.Done(), [], null, null, CancellationToken.None);

        // Four honest updates of 100 examples and the liar's capped at 300: (400 × 1 + 300 × 2) / 700.
        Assert.All(Stored(store, outcome.NewWeights!), v => Assert.Equal(1000f / 700f, v, 4));
        Assert.Equal(300, Assert.Single(outcome.Contributions, c => c.Provider == "liar").Examples);
    }

    [Fact]
    public async Task ADataParallelResultWeighsWhatItsShardHoldsWhateverItsProviderClaims()
    {
        var store = new MemoryContentStore();
        var state = Collecting(DataParallel(2, weights: store.Put(Safetensors(Parameters(0)))));
        DoneWith(store, state, 1, "honest", Parameters(1), examples: 100, item: 0);
        DoneWith(store, state, 2, "liar", Parameters(3), examples: 1_000_000_000, item: 1);

        var host = new FakeRoundHost(state, ["honest", "liar"]);
        var setup = new VerificationSetup([], 31337);
        var closing = new DataParallelClosing(host, new DataParallelOffering(host, setup), store, setup);

        var outcome = await closing.CloseAsync(state.Done(), null);

        Assert.NotNull(outcome);
        // Both shards hold 100 examples, so both results weigh the same.
        Assert.All(Stored(store, outcome.NewWeights!), v => Assert.Equal(2f, v, 4));
    }

    [Fact]
    public async Task APrivateRoundAggregatesWithDpFedAvgClippingEachChangeInsteadOfTheJobsStrategy()
    {
        var store = new MemoryContentStore();
        // A tiny bound and next to no noise: each provider's change (norm √10 ≈ 3.16) counts for 0.01.
        var privacy = new ClientPrivacy(Epsilon: 8, Delta: 1e-5, ClipNorm: 0.01, NoiseMultiplier: 1e-6, ExpectedClients: 2);
        var state = Collecting(Federated(weights: store.Put(Safetensors(Parameters(0)))) with { Privacy = privacy });
        DoneWith(store, state, 1, "a", Parameters(1), examples: 10);
        DoneWith(store, state, 2, "b", Parameters(1), examples: 1_000);

        var outcome = await FederatedClosing.CloseAsync(store, state.Config!, state.Done(), [], null, null, CancellationToken.None);

        // FedAvg would have moved every parameter to 1; DP-FedAvg moves the model by (0.01 + 0.01) / 2 in norm.
        Assert.All(Stored(store, outcome.NewWeights!), v => Assert.Equal(0.01 / Math.Sqrt(Plan.ParameterCount), v, 4));
    }

    [Fact]
    public async Task AFederatedRoundWhoseModelWasAlteredInTheStoreRefusesToAggregateOnIt()
    {
        var store = new MemoryContentStore();
        var weights = store.Put(Safetensors(Parameters(0)));
        var state = Collecting(Federated(weights: weights));
        DoneWith(store, state, 1, "a", Parameters(1));
        store.Tamper(weights.Sha256, Safetensors(Parameters(50)));

        var refused = await Assert.ThrowsAsync<ContentIntegrityException>(() => FederatedClosing.CloseAsync(store, state.Config!, state.Done(), [], null, null, CancellationToken.None));

        Assert.Contains(weights.Sha256, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFederatedResultWhoseBlobWasAlteredIsItsProvidersFailureNotTheRounds()
    {
        var store = new MemoryContentStore();
        var state = Collecting(Federated(weights: store.Put(Safetensors(Parameters(0)))));
        DoneWith(store, state, 1, "a", Parameters(1));
        DoneWith(store, state, 2, "b", Parameters(1));
        var altered = DoneWith(store, state, 3, "c", Parameters(100));
        store.Uploads[altered.Id] = Safetensors(Parameters(-100));

        var outcome = await FederatedClosing.CloseAsync(store, state.Config!, state.Done(), [], null, null, CancellationToken.None);

        Assert.All(Stored(store, outcome.NewWeights!), v => Assert.Equal(1f, v, 5));
        var contribution = Assert.Single(outcome.Contributions, c => c.Provider == "c");
        Assert.False(contribution.Used);
        Assert.StartsWith("result blob unusable", contribution.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFederatedCopyOfAnotherProvidersResultMakesTheLaterOneASuspect()
    {
        var store = new MemoryContentStore();
        var state = Collecting(Federated(weights: store.Put(Safetensors(Parameters(0)))));
        DoneWith(store, state, 1, "first", Parameters(1));
        DoneWith(store, state, 2, "copier", Parameters(1));
        DoneWith(store, state, 3, "other", Parameters(1.01f));

        var outcome = await FederatedClosing.CloseAsync(store, state.Config!, state.Done(), [], null, null, CancellationToken.None);

        Assert.Contains("byte for byte the one first handed in first", outcome.Suspects["copier"], StringComparison.Ordinal);
        Assert.False(outcome.Suspects.ContainsKey("first"));
    }

    [Fact]
    public async Task AResultReadEarlyIsNotReadAgainWhenTheRoundCloses()
    {
        var store = new MemoryContentStore();
        var state = Collecting(Federated(weights: store.Put(Safetensors(Parameters(0)))));
        DoneWith(store, state, 1, "a", Parameters(1));
        DoneWith(store, state, 2, "b", Parameters(1));
        var prefetcher = new ResultPrefetcher(store, new RoundReadBudget());
        foreach (var (_, task) in state.Done())
        {
            prefetcher.Start(task.Report!);
        }

        await Task.WhenAll(prefetcher.Reads.Values);
        await FederatedClosing.CloseAsync(store, state.Config!, state.Done(), [], null, prefetcher.Reads, CancellationToken.None);

        Assert.Equal(2, store.UploadReads);
    }

    [Fact]
    public async Task ADataParallelReplicaProvenWrongByTheVerifierIsNotPaidAndCitedAsEvidence()
    {
        var store = new MemoryContentStore();
        var settings = new VerificationSettings(ReplicationShare: 1, Replicas: 2, CanaryRate: 0, ReplayOutliers: false);
        var state = Collecting(DataParallel(items: 2, weights: store.Put(Safetensors(Parameters(0))), verification: settings));
        var a = DoneWith(store, state, 1, "a", Parameters(1), item: 0);
        var b = DoneWith(store, state, 2, "b", Parameters(1), item: 0, role: TaskRole.Replica);
        var c = DoneWith(store, state, 3, "c", Parameters(2), item: 1);
        var verifier = DoneWith(store, state, 4, "0xverifier", Parameters(2), item: 1, role: TaskRole.Canary);
        var liar = DoneWith(store, state, 5, "d", Parameters(-2), item: 1, role: TaskRole.Replica);
        var host = new FakeRoundHost(state, ["a", "b", "c", "d"]);
        var setup = new VerificationSetup(["0xverifier"], 31337);
        var closing = new DataParallelClosing(host, new DataParallelOffering(host, setup), store, setup);

        var outcome = await closing.CloseAsync(state.Done(), null);

        Assert.NotNull(outcome);
        // One trusted result per item: a's for item 0, the verifier's for item 1.
        Assert.All(Stored(store, outcome.NewWeights!), v => Assert.Equal(1.5f, v, 5));
        var evidence = Assert.Single(outcome.Cases!);
        Assert.Equal("d", evidence.Provider);
        Assert.Equal("training-canary", evidence.Kind);
        Assert.Equal("job/3/1", evidence.ModelKey);
        Assert.Contains(liar.Id, store.Promoted);
        var paid = outcome.Contributions.Where(x => x.Earns == true).Select(x => x.TaskId).ToHashSet();
        Assert.Equal([a.Id, b.Id, c.Id, verifier.Id], paid.Order());
        var check = Assert.Single(outcome.Checks!, x => x.Item == 1);
        Assert.Equal("proven-wrong", Assert.Single(check.Results, r => r.Provider == "d").Standing);
        Assert.Equal(0, host.Replays);
    }

    [Fact]
    public async Task ADataParallelDisagreementWithoutAVerifierTaskIsSentForReplayFirst()
    {
        var store = new MemoryContentStore();
        var settings = new VerificationSettings(ReplicationShare: 1, Replicas: 2, CanaryRate: 0, ReplayOutliers: false);
        var state = Collecting(DataParallel(items: 1, weights: store.Put(Safetensors(Parameters(0))), verification: settings));
        DoneWith(store, state, 1, "a", Parameters(1), item: 0);
        DoneWith(store, state, 2, "b", Parameters(-1), item: 0, role: TaskRole.Replica);
        var host = new FakeRoundHost(state, ["a", "b"]);
        var setup = new VerificationSetup(["0xverifier"], 31337);
        var closing = new DataParallelClosing(host, new DataParallelOffering(host, setup), store, setup);

        var outcome = await closing.CloseAsync(state.Done(), null);

        Assert.Null(outcome);
        var (provider, task) = Assert.Single(host.Offers);
        Assert.Equal("0xverifier", provider);
        Assert.Equal(0, task.Item);
        Assert.Equal(1, host.Replays);
        Assert.Equal(host.Now + state.Config!.Timeout, state.DeadlineUtc);
    }
}
