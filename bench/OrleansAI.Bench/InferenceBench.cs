using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.ML.OnnxRuntime;
using OrleansAI.Sdk.Models;
using OrleansAI.Grains.Interfaces.Storage;
using OrleansAI.Models.Onnx;
using OrleansAI.Node;
using OrleansAI.Node.Serving;

namespace OrleansAI.Bench;

/// <summary>
/// The inference path end to end: the Fashion-MNIST CNN trained by a one-round job, deployed on
/// simulated serving nodes, and called over real sockets (Kestrel, HTTP/1.1 JSON) while the nodes
/// answer over their gRPC streams. Measures latency at concurrency 1, single-row throughput at 32
/// and 128 concurrent clients, rows per second with 64-row requests, and, in the same run, raw
/// in-process ONNX Runtime latency for the same ONNX file. Load generator, Api, silo and nodes all
/// share this machine's cores.
/// </summary>
internal static class InferenceBench
{
    private static readonly int[] RowShape = [1, 28, 28];

    /// <summary>Runs the benchmark.</summary>
    public static async Task<int> RunAsync(BenchArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var nodes = args.Int("nodes", 2);
        var seconds = args.Int("seconds", args.Quick ? 3 : 10);
        var sequential = args.Int("requests", args.Quick ? 1_000 : 5_000);
        var maxBatch = args.Int("max-batch", 64);
        var delayUs = args.Int("queue-delay-us", 100);

        await using var stack = await StackServices.EnsureAsync();
        var serving = new ServingSettings { Enabled = true, MaxBatchRows = maxBatch, MaxQueueDelay = TimeSpan.FromMicroseconds(delayUs) };
        await using var network = await LocalNetwork.StartAsync(nodes, maxExamples: 200, settings: new AgentSettings { Serving = serving }, kestrel: true,
            apiSettings: new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Error",
                // The benchmark measures the serving path, not the per-client limit (500/s by default).
                ["Inference:ClientLimits:" + NetworkApi.ClientId] = "1000000",
            });
        var spec = await File.ReadAllTextAsync(Checkout.Find(Path.Combine("Models", "Specs", "Models", "fashion-cnn.json"))!);
        var version = await network.TrainAndDeployAsync("fashion-cnn", spec, nodes, nodes);
        Console.WriteLine($"inference: fashion-cnn v{version} ready on {nodes} node(s); batches of up to {maxBatch} rows, queue delay {delayUs} µs; {Environment.ProcessorCount} cores shared by everything");

        var test = FleetData.FashionMnist(1, null, 11, 10)[0].Test;
        var rows = Enumerable.Range(0, 64).Select(i => test.Example(i % test.Count).ToArray()).ToArray();
        var single = rows.Select(r => Body([r])).ToArray();
        var batch = Body(rows);
        var path = $"/v2/models/fashion-cnn/versions/{version}/infer";
        using var client = network.Api.Client();

        var raw = await RawLatencyAsync(network, version, rows[0], args.Quick ? 2_000 : 10_000);
        Console.WriteLine($"inference: raw ONNX Runtime in-process, one row: p50 {Stats.F(Stats.Median(raw), 3)} ms, p99 {Stats.F(Stats.Percentile(raw, 0.99), 3)} ms");

        var ceiling = RawBatchedRowsPerSecond(await OnnxAsync(network, version), rows, nodes, TimeSpan.FromSeconds(Math.Min(seconds, 5)));
        Console.WriteLine($"inference: raw ONNX Runtime, 64-row batches on {nodes} thread(s) (one per node): {Stats.F(ceiling, 0)} rows/s, the compute ceiling for the batched figure");
        var http = await ClosedLoopGetAsync(client, "/v2/health/live", 128, TimeSpan.FromSeconds(Math.Min(seconds, 5)));
        Console.WriteLine($"inference: HTTP baseline, GET /v2/health/live, 128 clients: {Stats.F(http, 0)} requests/s, the ceiling of this machine's HTTP stack with the load generator on it");

        await ClosedLoopAsync(client, path, single, 4, TimeSpan.FromSeconds(2));
        var latencies = new List<double>(sequential);
        for (var i = 0; i < sequential; i++)
        {
            var watch = Stopwatch.StartNew();
            await CallAsync(client, path, single[i % single.Length]);
            latencies.Add(watch.Elapsed.TotalMilliseconds);
        }

        var p50 = Stats.Median(latencies);
        var p99 = Stats.Percentile(latencies, 0.99);
        Console.WriteLine($"inference: API, one row, concurrency 1: p50 {Stats.F(p50, 3)} ms, p99 {Stats.F(p99, 3)} ms over {sequential} requests ({Stats.F(p50 / Stats.Median(raw), 1)}x raw)");

        var rps32 = await ClosedLoopAsync(client, path, single, 32, TimeSpan.FromSeconds(seconds));
        Console.WriteLine($"inference: API, one row, 32 clients: {Stats.F(rps32, 0)} requests/s");
        var rps128 = await ClosedLoopAsync(client, path, single, 128, TimeSpan.FromSeconds(seconds));
        Console.WriteLine($"inference: API, one row, 128 clients: {Stats.F(rps128, 0)} requests/s");
        var batched = await ClosedLoopAsync(client, path, [batch], 8, TimeSpan.FromSeconds(seconds));
        Console.WriteLine($"inference: API, 64-row JSON requests, 8 clients: {Stats.F(batched, 0)} requests/s = {Stats.F(batched * 64, 0)} rows/s");
        var binary = await ClosedLoopAsync(client, path, [BinaryBody(rows)], 8, TimeSpan.FromSeconds(seconds));
        Console.WriteLine($"inference: API, 64-row binary-tensor requests, 8 clients: {Stats.F(binary, 0)} requests/s = {Stats.F(binary * 64, 0)} rows/s");

        // The same 64-row requests through the .NET SDK (serialising the request and parsing the answer included).
        var sdkRequest = new Sdk.Inference.InferenceRequest { Inputs = [Sdk.Inference.InferenceInput.Fp32("input", [.. rows.SelectMany(r => r)], rows.Length, 1, 28, 28)] };
        var sdkJson = await ClosedLoopAsync(_ => network.Sdk.Inference.InferAsync("fashion-cnn", sdkRequest, version), 8, TimeSpan.FromSeconds(seconds));
        Console.WriteLine($"inference: SDK, 64-row JSON requests, 8 clients: {Stats.F(sdkJson, 0)} requests/s = {Stats.F(sdkJson * 64, 0)} rows/s");
        var sdkBinary = await ClosedLoopAsync(_ => network.Sdk.Inference.InferBinaryAsync("fashion-cnn", sdkRequest, version), 8, TimeSpan.FromSeconds(seconds));
        Console.WriteLine($"inference: SDK, 64-row binary-tensor requests, 8 clients: {Stats.F(sdkBinary, 0)} requests/s = {Stats.F(sdkBinary * 64, 0)} rows/s ({Stats.F(sdkBinary / sdkJson, 2)}x its JSON)");

        var (calls, rowsRun) = network.Agents.Select(a => a.Models!.Get($"{NetworkApi.ClientId}/fashion-cnn/{version}")).OfType<LoadedModel>()
            .Aggregate((0L, 0L), (t, m) => (t.Item1 + m.Batcher.Batches, t.Item2 + m.Batcher.RowsRun));
        Console.WriteLine($"inference: nodes ran {rowsRun:N0} rows in {calls:N0} ONNX Runtime calls ({Stats.F((double)rowsRun / Math.Max(1, calls), 1)} rows per call)");
        Console.WriteLine($"RESULT inference p50_ms={Stats.F(p50, 3)} p99_ms={Stats.F(p99, 3)} rps={Stats.F(Math.Max(rps32, rps128), 0)} rps32={Stats.F(rps32, 0)} rps128={Stats.F(rps128, 0)} rows_per_s={Stats.F(Math.Max(batched, binary) * 64, 0)} rows_per_s_json={Stats.F(batched * 64, 0)} rows_per_s_binary={Stats.F(binary * 64, 0)} raw_p50_ms={Stats.F(Stats.Median(raw), 3)} ratio={Stats.F(p50 / Stats.Median(raw), 1)} raw_rows_per_s={Stats.F(ceiling, 0)} http_rps={Stats.F(http, 0)} sdk_rows_per_s_json={Stats.F(sdkJson * 64, 0)} sdk_rows_per_s_binary={Stats.F(sdkBinary * 64, 0)}");
        return 0;
    }

    private static async Task<byte[]> OnnxAsync(LocalNetwork network, int version)
    {
        var deployment = await network.Client.GetFromJsonAsync<DeploymentView>($"/api/models/fashion-cnn/versions/{version}/deployment", LocalNetwork.Json);
        var store = network.Api.Services.GetRequiredService<IContentStore>();
        return await store.ReadAllAsync(deployment!.OnnxSha256!, 1L << 30, CancellationToken.None);
    }

    // Every thread runs its own session on 64-row batches, as the nodes do, with nothing else to do.
    private static double RawBatchedRowsPerSecond(byte[] onnx, float[][] rows, int threads, TimeSpan duration)
    {
        var features = rows.SelectMany(r => r).ToArray();
        var total = 0L;
        var clock = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
        {
            using var options = new SessionOptions { IntraOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
            using var session = new InferenceSession(onnx, options);
            var scores = new float[rows.Length * 10];
            using var input = OrtValue.CreateTensorValueFromMemory(features, [rows.Length, .. RowShape.Select(d => (long)d)]);
            using var output = OrtValue.CreateTensorValueFromMemory(scores, [rows.Length, 10]);
            using var run = new RunOptions();
            string[] inputs = [OnnxExporter.InputName];
            string[] outputs = [OnnxExporter.LogitsName];
            while (clock.Elapsed < duration)
            {
                session.Run(run, inputs, [input], outputs, [output]);
                Interlocked.Add(ref total, rows.Length);
            }
        });
        return total / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> ClosedLoopGetAsync(HttpClient client, string path, int concurrency, TimeSpan duration)
    {
        var completed = 0L;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                using var response = await client.GetAsync(path);
                await response.Content.ReadAsByteArrayAsync();
                Interlocked.Increment(ref completed);
            }
        }));
        return completed / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double[]> RawLatencyAsync(LocalNetwork network, int version, float[] row, int calls)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        using var session = new InferenceSession(await OnnxAsync(network, version), options);
        var scores = new float[10];
        using var input = OrtValue.CreateTensorValueFromMemory(row, [1, .. RowShape.Select(d => (long)d)]);
        using var output = OrtValue.CreateTensorValueFromMemory(scores, [1, 10]);
        using var run = new RunOptions();
        string[] inputs = [OnnxExporter.InputName];
        string[] outputs = [OnnxExporter.LogitsName];
        var samples = new double[calls];
        for (var i = -200; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            session.Run(run, inputs, [input], outputs, [output]);
            if (i >= 0)
            {
                samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }

        return samples;
    }

    private static Task<double> ClosedLoopAsync(HttpClient client, string path, byte[][] bodies, int concurrency, TimeSpan duration) =>
        ClosedLoopAsync(i => CallAsync(client, path, bodies[i % bodies.Length]), concurrency, duration);

    // Closed loop: each client sends its next call as soon as the last one is answered.
    private static async Task<double> ClosedLoopAsync(Func<int, Task> call, int concurrency, TimeSpan duration)
    {
        var completed = 0L;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async w =>
        {
            var i = w;
            while (clock.Elapsed < duration)
            {
                await call(i++);
                Interlocked.Increment(ref completed);
            }
        });
        await Task.WhenAll(workers);
        return completed / clock.Elapsed.TotalSeconds;
    }

    private static async Task CallAsync(HttpClient client, string path, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        // Binary-tensor bodies start with their JSON header's length in a 4-byte prefix that is stripped here.
        var binary = body.Length > 4 && body[0] != (byte)'{';
        if (binary)
        {
            var headerLength = BitConverter.ToInt32(body, 0);
            using var rest = new ByteArrayContent(body, 4, body.Length - 4);
            rest.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            rest.Headers.Add("Inference-Header-Content-Length", headerLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var binaryResponse = await client.PostAsync(path, rest);
            await binaryResponse.Content.ReadAsByteArrayAsync();
            binaryResponse.EnsureSuccessStatusCode();
            return;
        }

        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync(path, content);
        await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Inference failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static byte[] BinaryBody(float[][] rows)
    {
        var header = JsonSerializer.SerializeToUtf8Bytes(new
        {
            inputs = new[] { new { name = "input", shape = (int[])[rows.Length, .. RowShape], datatype = "FP32", parameters = new { binary_data_size = rows.Length * 784 * sizeof(float) } } },
            outputs = new[] { new { name = "logits", parameters = new { binary_data = true } } },
        });
        return [.. BitConverter.GetBytes(header.Length), .. header, .. rows.SelectMany(r => r).SelectMany(BitConverter.GetBytes)];
    }

    private static byte[] Body(float[][] rows) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        inputs = new[] { new { name = "input", shape = (int[])[rows.Length, .. RowShape], datatype = "FP32", data = rows.SelectMany(r => r).ToArray() } },
    }));
}
