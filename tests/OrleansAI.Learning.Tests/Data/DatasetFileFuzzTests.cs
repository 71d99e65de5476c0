using System.Buffers.Binary;
using System.Text;
using OrleansAI.Testing.Fuzz;

namespace OrleansAI.Learning.Tests.Data;

/// <summary>
/// Dataset files are uploaded by clients: whatever the bytes, reading one refuses with
/// <see cref="InvalidDataException"/> (the upload route's 400) or gives a dataset consistent with itself.
/// </summary>
public sealed class DatasetFileFuzzTests
{
    private const int Cases = 3_000;

    [Fact]
    public void AFeatureShapeWithAZeroSizedExampleIsRefused()
    {
        // Two examples of shape [0]: the byte ranges agree (no bytes), but no dataset can hold it.
        var bytes = File("""{"__metadata__":{"classes":"2"},"features":{"dtype":"F32","shape":[2,0],"data_offsets":[0,0]},"labels":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", 8);

        var refused = Assert.Throws<InvalidDataException>(() => DatasetFile.Read(bytes));
        Assert.Contains("positive", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RandomBytesAreRefused()
    {
        var random = new Random(16_20_01);
        for (var i = 0; i < Cases; i++)
        {
            var bytes = Mutator.RandomBytes(random, 300);
            Assert.Throws<InvalidDataException>(() => DatasetFile.Read(bytes));
        }
    }

    [Fact]
    public void MutatedDatasetFilesAreRefusedCleanlyOrReadConsistently()
    {
        var random = new Random(16_20_02);
        var refused = 0;
        for (var i = 0; i < Cases; i++)
        {
            var bytes = Mutator.Mutate(Valid(random), random);
            refused += ReadOrRefuse(bytes, i);
        }

        Assert.InRange(refused, Cases / 2, Cases - 1);
    }

    [Fact]
    public void DatasetFilesWithAMutatedHeaderAreRefusedCleanlyOrReadConsistently()
    {
        // Damage the header's JSON text and frame it again, so the damage reaches the header's meaning
        // (shapes, offsets, dtypes, metadata) instead of stopping at the length prefix.
        var random = new Random(16_20_03);
        var refused = 0;
        for (var i = 0; i < Cases; i++)
        {
            var valid = Valid(random);
            var length = (int)BinaryPrimitives.ReadUInt64LittleEndian(valid);
            var header = Mutator.MutateText(Encoding.UTF8.GetString(valid, 8, length).TrimEnd(' '), random);
            var bytes = new byte[8 + header.Length + valid.Length - 8 - length];
            BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)header.Length);
            header.CopyTo(bytes, 8);
            valid.AsSpan(8 + length).CopyTo(bytes.AsSpan(8 + header.Length));
            refused += ReadOrRefuse(bytes, i);
        }

        Assert.InRange(refused, Cases / 2, Cases - 1);
    }

    private static int ReadOrRefuse(byte[] bytes, int index)
    {
        LabeledDataset data;
        try
        {
            data = DatasetFile.Read(bytes);
        }
        catch (InvalidDataException)
        {
            return 1;
        }
        catch (Exception ex)
        {
            Assert.Fail($"case {index} ({Convert.ToBase64String(bytes)}) threw {ex.GetType().Name}: {ex.Message}");
            return 0;
        }

        Assert.Equal(data.Count * (long)data.ExampleSize, data.Features.Length);
        Assert.All(data.Labels, label => Assert.InRange(label, 0, data.Classes - 1));
        return 0;
    }

    private static byte[] Valid(Random random)
    {
        var shape = Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(1, 4)).ToArray();
        var count = random.Next(1, 5);
        var classes = random.Next(2, 12);
        var size = shape.Aggregate(1, (a, d) => a * d);
        var features = Enumerable.Range(0, count * size).Select(_ => (float)random.NextDouble()).ToArray();
        var labels = Enumerable.Range(0, count).Select(_ => random.Next(classes)).ToArray();
        return DatasetFile.Write(new LabeledDataset(shape, features, labels, classes));
    }

    private static byte[] File(string header, int dataBytes)
    {
        var json = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + json.Length + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)json.Length);
        json.CopyTo(bytes, 8);
        return bytes;
    }
}
