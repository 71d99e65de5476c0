using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace OrleansAI.Inference.Tests.Oip;

[Collection(RunsAlone.Name)]
public sealed class OipReadSpeedTests
{
    [Fact]
    public void An784FloatRequestParsesInWellUnder50Microseconds()
    {
        var random = new Random(7);
        var pixels = Enumerable.Range(0, 784).Select(_ => random.Next(3) == 0 ? 0f : random.Next(256) / 255f).ToArray();
        var body = Bodies.Json(
            $"{{'id':'bench','inputs':[{{'name':'image','shape':[1,1,28,28],'datatype':'FP32','data':[{string.Join(',', pixels.Select(p => p.ToString(CultureInfo.InvariantCulture)))}]}}]}}");
        var limits = new OipLimits();

        // Long enough for tiered compilation to replace the first, unoptimised code.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.ElapsedMilliseconds < 1500)
        {
            OipRequestReader.Read(body, null, limits);
        }

        // The best of several batches: the machine may be shared, and preemption only ever adds time.
        var best = double.MaxValue;
        for (var batch = 0; batch < 100; batch++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < 20; i++)
            {
                OipRequestReader.Read(body, null, limits);
            }

            best = Math.Min(best, watch.Elapsed.TotalMicroseconds / 20);
        }

        // A Debug build runs the library without JIT optimisation; there only gross regressions are caught.
        var optimised = typeof(OipRequestReader).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled != true;
        var bound = optimised ? 50 : 200;
        Assert.Equal(pixels, OipRequestReader.Read(body, null, limits).Inputs[0].Values);
        Assert.True(best < bound, $"best batch average {best:F1} µs per request (bound {bound} µs, optimised: {optimised})");
    }
}
