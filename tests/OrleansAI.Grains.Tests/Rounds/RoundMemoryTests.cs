using OrleansAI.Models.Specs;
using OrleansAI.Models.Weights;
using Xunit.Abstractions;

namespace OrleansAI.Grains.Tests.Rounds;

/// <summary>
/// Issue #16 item 7: a round's real peak memory while it loads, screens and aggregates its results
/// stays within <see cref="RoundMemory.Bound"/>, the figure a job is checked against at submission.
/// Measured on the demo's CNN with a sampler of the managed heap (garbage included: it is memory
/// the process holds until a collection).
/// </summary>
public sealed class RoundMemoryTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("fedavg", 8)]
    [InlineData("fedavg", 24)]
    [InlineData("median", 24)]
    [InlineData("trimmed:0.2", 16)]
    public async Task AFederatedRoundOfTheDemoCnnPeaksWithinTheBoundItsJobWasAdmittedUnder(string strategy, int updates)
    {
        var spec = ModelCatalog.Json("fashion-cnn");
        var plan = ModelSpecJson.ParseAndPlan(spec);
        var store = new MemoryContentStore();
        var random = new Random(updates);
        var config = RoundFixtures.Federated(weights: store.Put(Weights(plan, random)), strategy: strategy, quorum: updates, minProviders: updates) with { SpecJson = spec, Training = RoundFixtures.Federated().Training with { Compression = "none" } };
        var state = RoundFixtures.Collecting(config);
        for (var n = 1; n <= updates; n++)
        {
            var id = RoundFixtures.Id(n);
            var task = RoundFixtures.TaskOf($"p{n}", RoundTaskState.Done);
            task.Report = RoundFixtures.Report(id, store.Upload(id, Weights(plan, random)), examples: 100);
            state.Tasks[id] = task;
        }

        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        using var sampler = new HeapSampler();
        var outcome = await FederatedClosing.CloseAsync(store, state.Config!, state.Done(), [], null, null, CancellationToken.None);
        var peak = sampler.Stop() - baseline;

        var bound = RoundMemory.Bound(plan.ParameterCount, updates);
        output.WriteLine($"{strategy}, {updates} updates of {plan.ParameterCount} parameters: peak {peak / 1e6:F1} MB, bound {bound / 1e6:F1} MB ({(double)peak / bound:P0})");
        Assert.NotNull(outcome.NewWeights);
        Assert.True(peak <= bound, $"peak {peak} bytes over the bound {bound}");
    }

    private static byte[] Weights(ModelPlan plan, Random random)
    {
        var values = new float[plan.ParameterCount];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (random.NextSingle() - 0.5f) * 0.1f;
        }

        return new ModelWeights(plan, values).ToSafetensors();
    }

    // Reads the managed heap size every millisecond on its own thread; the highest reading is the peak.
    private sealed class HeapSampler : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;
        private long _peak;

        public HeapSampler()
        {
            _thread = new Thread(() =>
            {
                while (!_stop)
                {
                    _peak = Math.Max(_peak, GC.GetTotalMemory(forceFullCollection: false));
                    Thread.Sleep(1);
                }
            }) { IsBackground = true };
            _thread.Start();
        }

        public long Stop()
        {
            _stop = true;
            _thread.Join();
            return Math.Max(_peak, GC.GetTotalMemory(forceFullCollection: false));
        }

        public void Dispose()
        {
            _stop = true;
            _thread.Join();
        }
    }
}
