using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace OrleansAI.Learning.Tests.Weights;

public sealed class SafetensorsTests
{
    [Fact]
    public void WeightsRoundTripThroughSafetensorsBitForBit()
    {
        var plan = ModelCatalog.FashionCnn;
        var random = new Random(7);
        var weights = new ModelWeights(plan, [.. Enumerable.Range(0, plan.ParameterCount).Select(_ => (float)random.NextDouble() - 0.5f)]);
        weights.Values[3] = float.Epsilon;
        weights.Values[4] = -0f;

        var bytes = weights.ToSafetensors();
        var read = ModelWeights.FromSafetensors(plan, bytes);

        Assert.Equal(
            weights.Values.Select(BitConverter.SingleToInt32Bits),
            read.Values.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), weights.Sha256());
        Assert.Equal(weights.Sha256(), read.Sha256());
    }

    [Fact]
    public void TheFileFollowsTheFormatHeaderLayout()
    {
        var bytes = Safetensors.Write([new SafetensorsTensor("a", [2, 2], [1, 2, 3, 4]), new SafetensorsTensor("b", [1], [5])]);

        var headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        var header = Encoding.UTF8.GetString(bytes, 8, headerLength);

        Assert.Equal(0, headerLength % 8);
        Assert.Contains("\"a\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]}", header, StringComparison.Ordinal);
        Assert.Contains("\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[16,20]}", header, StringComparison.Ordinal);
        Assert.Equal(8 + headerLength + 20, bytes.Length);
        Assert.Equal(3f, BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(8 + headerLength + 8)));
    }

    [Fact]
    public void TruncatedOrOverlappingFilesAreRejected()
    {
        var bytes = Safetensors.Write([new SafetensorsTensor("a", [4], [1, 2, 3, 4])]);
        var header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}";
        var overlapping = new byte[8 + header.Length + 12];
        BinaryPrimitives.WriteUInt64LittleEndian(overlapping, (ulong)header.Length);
        Encoding.UTF8.GetBytes(header).CopyTo(overlapping, 8);

        Assert.Throws<InvalidDataException>(() => Safetensors.Read(bytes.AsSpan(0, bytes.Length - 1)));
        Assert.Throws<InvalidDataException>(() => Safetensors.Read(bytes.AsSpan(0, 6)));
        Assert.Throws<InvalidDataException>(() => Safetensors.Read(overlapping));
        Assert.Throws<InvalidDataException>(() => Safetensors.Read([.. bytes, 0, 0, 0, 0]));
    }

    [Fact]
    public void WeightsForAnotherModelAreRefusedWithTheTensorNamed()
    {
        var plan = ModelCatalog.FashionCnn;
        var other = ModelSpecJson.ParseAndPlan("""{"name":"m","inputShape":[4],"classes":2,"layers":[{"type":"linear","outFeatures":2}]}""");
        var file = new ModelWeights(other, new float[other.ParameterCount]).ToSafetensors();

        var error = Assert.Throws<InvalidDataException>(() => ModelWeights.FromSafetensors(plan, file));

        Assert.Contains("layers.0.weight", error.Message, StringComparison.Ordinal);
    }
}
