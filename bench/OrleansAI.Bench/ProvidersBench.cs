using System.Diagnostics;
using System.Net.Http.Json;
using OrleansAI.Sdk.Providers;

namespace OrleansAI.Bench;

/// <summary>
/// How many providers one silo keeps registered and heartbeating (every 5 s, over their gRPC
/// streams) while the client API stays responsive: API latency (p50/p99 over sequential requests
/// that touch grains) with the fleet connected, against the same requests with no providers,
/// measured in the same run. Everything runs in this one process, so the fleet's own cost is
/// counted against the API's latency too.
/// </summary>
internal static class ProvidersBench
{
    /// <summary>Runs the benchmark.</summary>
    public static async Task<int> RunAsync(BenchArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var providers = args.Int("providers", args.Quick ? 300 : 1_000);
        var seconds = args.Int("seconds", args.Quick ? 15 : 60);

        await using var stack = await StackServices.EnsureAsync();
        double[] baseline;
        await using (var empty = await LocalNetwork.StartAsync(providers: 0))
        {
            baseline = await MeasureAsync(empty, TimeSpan.FromSeconds(Math.Min(seconds, 15)));
        }

        Console.WriteLine($"providers: baseline (no providers) p50 {Stats.F(Stats.Percentile(baseline, 0.5), 2)} ms, p99 {Stats.F(Stats.Percentile(baseline, 0.99), 2)} ms over {baseline.Length} requests");
        var clock = Stopwatch.StartNew();
        await using var network = await LocalNetwork.StartAsync(providers, maxExamples: 10, slots: 1);
        Console.WriteLine($"providers: {providers} providers signed in and registered in {Stats.F(clock.Elapsed.TotalSeconds, 1)} s");
        // Let every heartbeat timer run a few periods before measuring.
        await Task.Delay(TimeSpan.FromSeconds(10));
        var loaded = await MeasureAsync(network, TimeSpan.FromSeconds(seconds));
        var page = await network.Client.GetFromJsonAsync<ProviderPage>("/api/providers?take=1", LocalNetwork.Json);
        var offline = network.Agents.Sum(a => a.Sessions) - providers;
        Console.WriteLine($"providers: with {page!.Total} registered: p50 {Stats.F(Stats.Percentile(loaded, 0.5), 2)} ms, p99 {Stats.F(Stats.Percentile(loaded, 0.99), 2)} ms over {loaded.Length} requests; {offline} reconnects");
        Console.WriteLine($"RESULT providers providers={page.Total} api_p99_ms={Stats.F(Stats.Percentile(loaded, 0.99), 2)} api_p50_ms={Stats.F(Stats.Percentile(loaded, 0.5), 2)} baseline_p99_ms={Stats.F(Stats.Percentile(baseline, 0.99), 2)} reconnects={offline}");
        return page.Total == providers ? 0 : 1;
    }

    // Sequential requests alternating between two grain-backed endpoints: the registry (every
    // heartbeat refresh lands there) and the caller's job list.
    private static async Task<double[]> MeasureAsync(LocalNetwork network, TimeSpan duration)
    {
        var samples = new List<double>();
        var end = Stopwatch.StartNew();
        var i = 0;
        while (end.Elapsed < duration)
        {
            var watch = Stopwatch.StartNew();
            using var response = await network.Client.GetAsync(i++ % 2 == 0 ? "/api/providers?take=10" : "/api/jobs?take=10");
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        return [.. samples];
    }
}
