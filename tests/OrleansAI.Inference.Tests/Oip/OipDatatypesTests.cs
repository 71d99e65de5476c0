namespace OrleansAI.Inference.Tests.Oip;

public sealed class OipDatatypesTests
{
    [Theory]
    [InlineData("BOOL", OipDatatype.Bool, 1)]
    [InlineData("UINT8", OipDatatype.Uint8, 1)]
    [InlineData("UINT16", OipDatatype.Uint16, 2)]
    [InlineData("UINT32", OipDatatype.Uint32, 4)]
    [InlineData("UINT64", OipDatatype.Uint64, 8)]
    [InlineData("INT8", OipDatatype.Int8, 1)]
    [InlineData("INT16", OipDatatype.Int16, 2)]
    [InlineData("INT32", OipDatatype.Int32, 4)]
    [InlineData("INT64", OipDatatype.Int64, 8)]
    [InlineData("FP16", OipDatatype.Fp16, 2)]
    [InlineData("FP32", OipDatatype.Fp32, 4)]
    [InlineData("FP64", OipDatatype.Fp64, 8)]
    [InlineData("BYTES", OipDatatype.Bytes, 0)]
    public void EveryProtocolNameParsesToItsTypeAndBackWithItsBinarySize(string name, OipDatatype type, int size)
    {
        Assert.True(OipDatatypes.TryParse(name, out var parsed));
        Assert.Equal(type, parsed);
        Assert.Equal(name, OipDatatypes.Name(type));
        Assert.Equal(size, OipDatatypes.ByteSize(type));
    }

    [Theory]
    [InlineData("fp32")]
    [InlineData("Fp32")]
    [InlineData("FLOAT32")]
    [InlineData("")]
    [InlineData(" FP32")]
    public void NamesAreExactAndCaseSensitive(string name)
    {
        Assert.False(OipDatatypes.TryParse(name, out _));
    }

    [Fact]
    public void UndefinedTypesAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OipDatatypes.Name((OipDatatype)13));
        Assert.Throws<ArgumentOutOfRangeException>(() => OipDatatypes.ByteSize((OipDatatype)(-1)));
    }
}
