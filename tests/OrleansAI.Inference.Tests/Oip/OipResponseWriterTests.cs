using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace OrleansAI.Inference.Tests.Oip;

public sealed class OipResponseWriterTests
{
    [Fact]
    public void AJsonResponseCarriesTheModelIdParametersAndOutputs()
    {
        using var parameters = JsonDocument.Parse("""{"latency_ms":3,"node":"n1"}""");
        var (body, headerLength) = ResponseBodies.Write(
            [new("probs", [1, 3], OipDatatype.Fp32, Floats: [0.1f, 0.7f, 0.2f]), new("label", [1], OipDatatype.Int64, Longs: [1])],
            id: "req-1",
            parameters: parameters.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value));

        Assert.Null(headerLength);
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        Assert.Equal("mnist", root.GetProperty("model_name").GetString());
        Assert.Equal("3", root.GetProperty("model_version").GetString());
        Assert.Equal("req-1", root.GetProperty("id").GetString());
        Assert.Equal(3, root.GetProperty("parameters").GetProperty("latency_ms").GetInt32());
        Assert.Equal("n1", root.GetProperty("parameters").GetProperty("node").GetString());
        var probs = root.GetProperty("outputs")[0];
        Assert.Equal("probs", probs.GetProperty("name").GetString());
        Assert.Equal("FP32", probs.GetProperty("datatype").GetString());
        Assert.Equal([1, 3], probs.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()));
        Assert.Equal("[0.1,0.7,0.2]", probs.GetProperty("data").GetRawText());
        Assert.Equal("[1]", root.GetProperty("outputs")[1].GetProperty("data").GetRawText());
    }

    [Fact]
    public void OptionalFieldsAreLeftOutWhenAbsent()
    {
        var buffer = new ArrayBufferWriter<byte>();

        var headerLength = OipResponseWriter.Write(buffer, "m", null, null, [new("y", [0], OipDatatype.Fp32, Floats: [])], new Dictionary<string, JsonElement>());

        Assert.Null(headerLength);
        Assert.Equal("""{"model_name":"m","outputs":[{"name":"y","datatype":"FP32","shape":[0],"data":[]}]}""", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void FloatsAreWrittenInTheirShortestRoundTripForm()
    {
        float[] values = [0.1f, 1f / 3, float.Epsilon, float.MaxValue, -0f, 16777217f, 1e-7f];

        var (body, _) = ResponseBodies.Write([new("y", [7], OipDatatype.Fp32, Floats: values)]);

        using var document = JsonDocument.Parse(body);
        var data = document.RootElement.GetProperty("outputs")[0].GetProperty("data");
        Assert.Equal(values, data.EnumerateArray().Select(e => float.Parse(e.GetRawText(), System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("0.1", data[0].GetRawText());
    }

    [Fact]
    public void NonFiniteFloatsAreWrittenAsNamedStringsThatReadBack()
    {
        float[] values = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, 1f];

        var (body, headerLength) = ResponseBodies.Write([new("y", [4], OipDatatype.Fp32, Floats: values)]);

        using var document = JsonDocument.Parse(body);
        Assert.Equal("""["NaN","Infinity","-Infinity",1]""", document.RootElement.GetProperty("outputs")[0].GetProperty("data").GetRawText());
        var (request, requestHeader) = ResponseBodies.AsRequest(body, headerLength);
        Assert.Equal(values, OipRequestReader.Read(request, requestHeader, new OipLimits()).Inputs[0].Values);
    }

    [Fact]
    public void BoolIntegerAndBytesOutputsAreWrittenInTheirJsonForms()
    {
        var (body, _) = ResponseBodies.Write(
        [
            new("flags", [2], OipDatatype.Bool, Longs: [1, 0]),
            new("ids", [2], OipDatatype.Uint64, Longs: [0, long.MaxValue]),
            new("classes", [2], OipDatatype.Bytes, Strings: ["0.9:3:three", "qu\"ote"]),
        ]);

        using var document = JsonDocument.Parse(body);
        var outputs = document.RootElement.GetProperty("outputs");
        Assert.Equal("[true,false]", outputs[0].GetProperty("data").GetRawText());
        Assert.Equal("[0,9223372036854775807]", outputs[1].GetProperty("data").GetRawText());
        Assert.Equal(["0.9:3:three", "qu\"ote"], outputs[2].GetProperty("data").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Fp16OutputsAreRoundedToHalfPrecisionInJsonAsInBinary()
    {
        var (body, headerLength) = ResponseBodies.Write(
        [
            new("json", [2], OipDatatype.Fp16, Floats: [0.1f, 1e6f]),
            new("binary", [2], OipDatatype.Fp16, Floats: [0.1f, 1e6f], Binary: true),
        ]);

        var (request, requestHeader) = ResponseBodies.AsRequest(body, headerLength);
        var inputs = OipRequestReader.Read(request, requestHeader, new OipLimits()).Inputs;
        Assert.Equal([(float)(Half)0.1f, float.PositiveInfinity], inputs[0].Values);
        Assert.Equal(inputs[0].Values, inputs[1].Values);
    }

    [Fact]
    public void BinaryOutputsFollowTheJsonHeaderInOrderWithTheirSizes()
    {
        var (body, headerLength) = ResponseBodies.Write(
        [
            new("a", [2], OipDatatype.Fp32, Floats: [1.5f, -2f], Binary: true),
            new("b", [1], OipDatatype.Fp32, Floats: [3f]),
            new("c", [3], OipDatatype.Int16, Longs: [-1, 2, 300], Binary: true),
            new("d", [2], OipDatatype.Bool, Longs: [1, 0], Binary: true),
            new("e", [2], OipDatatype.Bytes, Strings: ["hé", ""], Binary: true),
        ]);

        Assert.NotNull(headerLength);
        using var document = JsonDocument.Parse(body.AsMemory(0, headerLength.Value));
        var outputs = document.RootElement.GetProperty("outputs");
        int[] binaryOutputs = [0, 2, 3, 4];
        Assert.Equal([8L, 6L, 2L, 11L], binaryOutputs.Select(i => outputs[i].GetProperty("parameters").GetProperty("binary_data_size").GetInt64()));
        Assert.All(binaryOutputs, i => Assert.False(outputs[i].TryGetProperty("data", out _)));
        Assert.Equal("[3]", outputs[1].GetProperty("data").GetRawText());
        var binary = body.AsSpan(headerLength.Value);
        Assert.Equal(27, binary.Length);
        Assert.Equal(1.5f, BinaryPrimitives.ReadSingleLittleEndian(binary));
        Assert.Equal(-2f, BinaryPrimitives.ReadSingleLittleEndian(binary[4..]));
        Assert.Equal(-1, BinaryPrimitives.ReadInt16LittleEndian(binary[8..]));
        Assert.Equal(300, BinaryPrimitives.ReadInt16LittleEndian(binary[12..]));
        Assert.Equal([1, 0], binary.Slice(14, 2).ToArray());
        Assert.Equal(3, BinaryPrimitives.ReadInt32LittleEndian(binary[16..]));
        Assert.Equal("hé", Encoding.UTF8.GetString(binary.Slice(20, 3)));
        Assert.Equal(0, BinaryPrimitives.ReadInt32LittleEndian(binary[23..]));
    }

    [Fact]
    public void TheHeaderLengthCountsOnlyThisResponseWhenTheBufferAlreadyHoldsData()
    {
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write("prefix"u8);

        var headerLength = OipResponseWriter.Write(buffer, "m", null, null, [new("y", [1], OipDatatype.Fp64, Floats: [2f], Binary: true)]);

        Assert.Equal(buffer.WrittenCount - 6 - 8, headerLength);
        Assert.Equal(2d, BinaryPrimitives.ReadDoubleLittleEndian(buffer.WrittenSpan[^8..]));
    }

    [Theory]
    [InlineData(OipDatatype.Fp32, "Longs")]
    [InlineData(OipDatatype.Int32, "Floats")]
    [InlineData(OipDatatype.Bytes, "Floats")]
    [InlineData(OipDatatype.Fp32, "both")]
    [InlineData(OipDatatype.Fp32, "none")]
    public void AnOutputMustCarryExactlyTheDataArrayOfItsDatatype(OipDatatype type, string arrays)
    {
        var output = new OipOutputTensor("y", [1], type,
            Floats: arrays is "Floats" or "both" ? [1f] : null,
            Longs: arrays is "Longs" or "both" ? [1L] : null);

        Assert.Throws<ArgumentException>(() => ResponseBodies.Write([output]));
    }

    [Fact]
    public void AnOutputMustMatchItsShapeAndItsDatatypesRange()
    {
        Assert.Throws<ArgumentException>(() => ResponseBodies.Write([new("y", [2, 2], OipDatatype.Fp32, Floats: [1f, 2f, 3f])]));
        Assert.Throws<ArgumentException>(() => ResponseBodies.Write([new("y", [-1], OipDatatype.Fp32, Floats: [])]));
        Assert.Throws<ArgumentException>(() => ResponseBodies.Write([new("y", [long.MaxValue, 2], OipDatatype.Fp32, Floats: [])]));
        Assert.Throws<ArgumentException>(() => ResponseBodies.Write([new("y", [1], OipDatatype.Int8, Longs: [128])]));
        Assert.Throws<ArgumentException>(() => ResponseBodies.Write([new("y", [1], OipDatatype.Uint32, Longs: [-1])]));
        Assert.Throws<ArgumentException>(() => ResponseBodies.Write([new("y", [1], OipDatatype.Bool, Longs: [2])]));
        Assert.Throws<ArgumentException>(() => ResponseBodies.Write([new("y", [1], OipDatatype.Bytes, Strings: [null!])]));
        Assert.Throws<ArgumentException>(() => ResponseBodies.Write([new("", [1], OipDatatype.Fp32, Floats: [1f])]));
    }

    [Fact]
    public void AnErrorIsWrittenAsTheProtocolsErrorObject()
    {
        var buffer = new ArrayBufferWriter<byte>();

        OipResponseWriter.WriteError(buffer, "inputs[0].datatype \"fp32\" is not one of …");

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        Assert.Equal("inputs[0].datatype \"fp32\" is not one of …", document.RootElement.GetProperty("error").GetString());
        Assert.Single(document.RootElement.EnumerateObject());
    }
}
