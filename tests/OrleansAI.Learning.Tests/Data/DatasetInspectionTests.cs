using OrleansAI.Models.Data;

namespace OrleansAI.Learning.Tests.Data;

public sealed class DatasetInspectionTests
{
    [Fact]
    public async Task StreamingInspectionAgreesWithTheFullReadOnValidAndDamagedFiles()
    {
        var random = new Random(11);
        var agreed = 0;
        for (var n = 0; n < 3_000; n++)
        {
            var bytes = Damage(random, Valid(random));
            string? fullRefusal = null;
            LabeledDataset? full = null;
            try
            {
                full = DatasetFile.Read(bytes);
            }
            catch (InvalidDataException ex)
            {
                fullRefusal = ex.Message;
            }

            DatasetSummary? streamed = null;
            string? streamedRefusal = null;
            try
            {
                streamed = await DatasetFile.InspectAsync(new MemoryStream(bytes), bytes.Length, CancellationToken.None);
            }
            catch (InvalidDataException ex)
            {
                streamedRefusal = ex.Message;
            }

            Assert.True((fullRefusal is null) == (streamedRefusal is null), $"case {n}: read said '{fullRefusal}', inspection said '{streamedRefusal}'");
            if (full is not null)
            {
                Assert.Equal((full.Count, full.Classes), (streamed!.Count, streamed.Classes));
                Assert.Equal(full.ExampleShape, streamed.ExampleShape);
                agreed++;
            }
        }

        // Enough valid files survive the damage for the comparison to mean something.
        Assert.True(agreed > 300, $"only {agreed} valid files");
    }

    private static byte[] Valid(Random random)
    {
        var count = random.Next(1, 20);
        int[] shape = [random.Next(1, 4), random.Next(1, 5)];
        var features = Enumerable.Range(0, count * shape[0] * shape[1]).Select(_ => (float)random.NextDouble()).ToArray();
        var classes = random.Next(2, 6);
        var labels = Enumerable.Range(0, count).Select(_ => random.Next(classes)).ToArray();
        return DatasetFile.Write(new LabeledDataset(shape, features, labels, classes));
    }

    // Half the files are left alone; the rest get a few bytes flipped, cut or appended, anywhere.
    private static byte[] Damage(Random random, byte[] bytes)
    {
        switch (random.Next(6))
        {
            case 0:
                var flipped = (byte[])bytes.Clone();
                for (var i = random.Next(1, 4); i > 0; i--)
                {
                    flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
                }

                return flipped;
            case 1:
                return bytes[..random.Next(bytes.Length)];
            case 2:
                return [.. bytes, .. Enumerable.Repeat((byte)random.Next(256), random.Next(1, 9))];
            default:
                return bytes;
        }
    }
}
