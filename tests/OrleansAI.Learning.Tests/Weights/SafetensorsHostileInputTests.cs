using System.Buffers.Binary;
using System.Text;

namespace OrleansAI.Learning.Tests.Weights;

/// <summary>Safetensors bytes come from providers and clients: whatever they hold, reading them refuses with <see cref="InvalidDataException"/> or succeeds.</summary>
public sealed class SafetensorsHostileInputTests
{
    // A file with the given header text and data bytes, framed as the format says.
    private static byte[] File(string header, int dataBytes)
    {
        var json = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + json.Length + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)json.Length);
        json.CopyTo(bytes, 8);
        return bytes;
    }

    [Fact]
    public void ATensorNamedTwiceIsRefused()
    {
        var bytes = File("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}""", 8);

        var refused = Assert.Throws<InvalidDataException>(() => Safetensors.Read(bytes));
        Assert.Contains("more than once", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AShapeWhoseElementCountWrapsAroundIsRefused()
    {
        // 2^31-1 cubed wraps a 64-bit product; unchecked, it could match the 4-byte range.
        var bytes = File("""{"a":{"dtype":"F32","shape":[2147483647,2147483647,2147483647,4],"data_offsets":[0,4]}}""", 4);

        var refused = Assert.Throws<InvalidDataException>(() => Safetensors.Read(bytes));
        Assert.Contains("more elements than an array holds", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMetadataKeyGivenTwiceIsRefused()
    {
        var bytes = File("""{"__metadata__":{"k":"1","k":"2"}}""", 0);

        Assert.Throws<InvalidDataException>(() => Safetensors.ReadMetadata(bytes));
    }

    [Fact]
    public void RandomlyDamagedFilesAreRefusedCleanlyOrReadConsistently()
    {
        var valid = Safetensors.Write(
            [new SafetensorsTensor("w", [2, 3], [1, 2, 3, 4, 5, 6]), new SafetensorsTensor("b", [3], [7, 8, 9])],
            new Dictionary<string, string> { ["format"] = "pt" });
        var random = new Random(20261207);
        var refused = 0;
        for (var run = 0; run < 5_000; run++)
        {
            var bytes = Damage(valid, random);
            try
            {
                foreach (var tensor in Safetensors.Read(bytes))
                {
                    // Whatever was read is consistent: its values fill its shape exactly.
                    Assert.Equal(tensor.Shape.Aggregate(1L, (a, d) => a * d), tensor.Values.Length);
                }

                Safetensors.ReadMetadata(bytes);
            }
            catch (InvalidDataException)
            {
                refused++;
            }
        }

        // Most damage breaks the file; the test is only meaningful if it does.
        Assert.InRange(refused, 1_000, 5_000);
    }

    // One of: flip a byte, cut the file short, replace a digit in the header, or rewrite the header length.
    private static byte[] Damage(byte[] valid, Random random)
    {
        var bytes = (byte[])valid.Clone();
        switch (random.Next(4))
        {
            case 0:
                bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                return bytes;
            case 1:
                return bytes[..random.Next(bytes.Length)];
            case 2:
                var digits = Enumerable.Range(8, bytes.Length - 8).Where(i => bytes[i] is >= (byte)'0' and <= (byte)'9').ToList();
                if (digits.Count > 0)
                {
                    bytes[digits[random.Next(digits.Count)]] = (byte)random.Next('0', '9' + 1);
                }

                return bytes;
            default:
                BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)random.NextInt64(0, bytes.Length * 2L));
                return bytes;
        }
    }
}
