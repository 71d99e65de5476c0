using FsCheck.Xunit;
using OrleansAI.Federation.Compression;

namespace OrleansAI.Federation.Tests.Compression;

public sealed class CompressionTests
{
    [Property(MaxTest = 200)]
    public void TopKSelectsTheLargestMagnitudesLikeAFullSort(int seed)
    {
        var random = new Random(seed);
        var values = RandomUpdates.Vector(random, random.Next(1, 300));
        if (random.Next(3) == 0)
        {
            values[random.Next(values.Length)] = values[0]; // ties
        }

        var k = random.Next(0, values.Length + 1);

        var selected = TopK.Select(values, k);

        var expected = Enumerable.Range(0, values.Length).OrderByDescending(i => MathF.Abs(values[i])).ThenBy(i => i).Take(k).Order().ToArray();
        Assert.Equal(expected, selected);
    }

    [Property(MaxTest = 200)]
    public void EveryEncodingRoundTripsWhatItKeeps(int seed)
    {
        var random = new Random(seed);
        var delta = RandomUpdates.Vector(random, random.Next(1, 500));
        var options = new CompressionOptions { TopKFraction = random.Next(2) == 0 ? null : 0.05 + random.NextDouble() * 0.5, QuantizeToInt8 = random.Next(2) == 0 };

        var bytes = new UpdateCompressor(options, new Random(seed)).Encode(delta);
        var decoded = UpdateCodec.Decode(bytes, delta.Length);

        Assert.Equal(options.Encoding, UpdateCodec.PeekEncoding(bytes));
        var kept = options.Keep(delta.Length);
        Assert.True(decoded.Count(v => v != 0) <= kept);
        var scale = delta.Max(MathF.Abs) / 127f;
        for (var i = 0; i < delta.Length; i++)
        {
            if (decoded[i] != 0 || !options.QuantizeToInt8)
            {
                var error = options.QuantizeToInt8 ? scale * 1.0001f : 0f;
                Assert.True(decoded[i] == 0 && options.TopKFraction is not null || MathF.Abs(decoded[i] - delta[i]) <= error, $"index {i}: {delta[i]} became {decoded[i]}");
            }
        }
    }

    [Fact]
    public void SizesAreExactlyHeaderPositionsAndValues()
    {
        var delta = Enumerable.Range(0, 1000).Select(i => i % 100 == 0 ? 10f + i : 0.001f).ToArray();

        var dense = new UpdateCompressor(CompressionOptions.None, new Random(1)).Encode(delta);
        var int8 = new UpdateCompressor(new CompressionOptions { QuantizeToInt8 = true }, new Random(1)).Encode(delta);
        var sparse = new UpdateCompressor(new CompressionOptions { TopKFraction = 0.01 }, new Random(1)).Encode(delta);
        var both = new UpdateCompressor(new CompressionOptions { TopKFraction = 0.01, QuantizeToInt8 = true }, new Random(1)).Encode(delta);

        Assert.Equal(20 + 4000, dense.Length);
        Assert.Equal(20 + 1000, int8.Length);
        // 10 positions 0, 100, …, 900: first gap 1 byte, then nine gaps of 100 at 1 byte each.
        Assert.Equal(20 + 10 + 40, sparse.Length);
        Assert.Equal(20 + 10 + 10, both.Length);
    }

    [Fact]
    public void ErrorFeedbackEventuallySendsEverythingTheClientChanged()
    {
        var random = new Random(3);
        var compressor = new UpdateCompressor(new CompressionOptions { TopKFraction = 0.1, QuantizeToInt8 = true }, new Random(4));
        var total = new double[200];
        var sent = new double[200];
        for (var round = 0; round < 30; round++)
        {
            var delta = RandomUpdates.Vector(random, 200);
            var decoded = UpdateCodec.Decode(compressor.Encode(delta), 200);
            for (var i = 0; i < 200; i++)
            {
                total[i] += delta[i];
                sent[i] += decoded[i];
            }
        }

        // Invariant of error feedback: what was sent plus what is still owed equals everything changed.
        var residual = compressor.Residual.ToArray();
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(total[i], sent[i] + residual[i], 3);
        }
    }

    [Fact]
    public void StochasticQuantisationIsUnbiased()
    {
        float[] values = [0.3f, -0.71f, 1.0f, 0.05f];
        var sums = new double[values.Length];
        var random = new Random(8);
        var q = new sbyte[values.Length];
        const int trials = 20_000;
        for (var t = 0; t < trials; t++)
        {
            var scale = StochasticQuantizer.Quantize(values, q, random);
            for (var i = 0; i < values.Length; i++)
            {
                sums[i] += q[i] * scale;
            }
        }

        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(values[i], sums[i] / trials, 3);
        }
    }

    [Theory]
    [InlineData(0, "magic")]
    [InlineData(4, "version")]
    [InlineData(5, "encoding")]
    [InlineData(8, "parameters")]
    public void AHeaderWithAWrongFieldIsRejectedByName(int offset, string expected)
    {
        var bytes = new UpdateCompressor(new CompressionOptions { TopKFraction = 0.5 }, new Random(1)).Encode([1, 2, 3, 4]);
        bytes[offset] ^= 0x40;

        var error = Assert.Throws<InvalidDataException>(() => UpdateCodec.Decode(bytes, 4));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 300)]
    public void ArbitraryBytesNeverDecodeIntoGarbageOrCrash(int seed)
    {
        var random = new Random(seed);
        var bytes = new UpdateCompressor(new CompressionOptions { TopKFraction = 0.3, QuantizeToInt8 = random.Next(2) == 0 }, random).Encode(RandomUpdates.Vector(random, 50));
        for (var flips = random.Next(1, 4); flips > 0; flips--)
        {
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
        }

        try
        {
            var decoded = UpdateCodec.Decode(bytes.AsSpan(0, random.Next(bytes.Length + 1)), 50);
            Assert.Equal(50, decoded.Length);
            Assert.All(decoded, v => Assert.True(float.IsFinite(v)));
        }
        catch (InvalidDataException)
        {
            // Refusing is the expected answer to corrupted input.
        }
    }
}
