namespace OrleansAI.Learning.Tests.Data;

public sealed class IdxReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ReadsPlainUnsignedByteFileWithBigEndianDimensions()
    {
        var data = IdxFiles.Sequence(3 * 300 * 2);
        var path = _dir.File("plain.idx");
        File.WriteAllBytes(path, IdxFiles.UnsignedBytes([3, 300, 2], data));

        var array = IdxReader.Read(path);

        Assert.Equal([3, 300, 2], array.Dimensions);
        Assert.Equal(3, array.Count);
        Assert.Equal(data, array.Data);
    }

    [Fact]
    public void GzipIsDetectedByMagicBytesNotByFileName()
    {
        var data = IdxFiles.Sequence(5 * 4 * 4);
        var plain = IdxFiles.UnsignedBytes([5, 4, 4], data);
        var gzipPath = _dir.File("compressed-without-extension");
        var plainPath = _dir.File("looks-compressed.gz");
        File.WriteAllBytes(gzipPath, IdxFiles.Gzip(plain));
        File.WriteAllBytes(plainPath, plain);

        var fromGzip = IdxReader.Read(gzipPath);
        var fromPlain = IdxReader.Read(plainPath);

        Assert.Equal(fromPlain.Dimensions, fromGzip.Dimensions);
        Assert.Equal(data, fromGzip.Data);
        Assert.Equal(data, fromPlain.Data);
    }

    [Fact]
    public void ReadsOneDimensionalLabelFileFromAStream()
    {
        byte[] labels = [9, 0, 3, 3, 7];
        using var stream = new MemoryStream(IdxFiles.UnsignedBytes([5], labels));

        var array = IdxReader.Read(stream, "labels in memory");

        Assert.Equal([5], array.Dimensions);
        Assert.Equal(labels, array.Data);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TruncatedDataIsRejectedNamingTheFile(bool gzip)
    {
        var full = IdxFiles.UnsignedBytes([10, 8], IdxFiles.Sequence(80));
        var cut = full[..^13];
        var path = _dir.File("truncated.idx");
        File.WriteAllBytes(path, gzip ? IdxFiles.Gzip(cut) : cut);

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
        Assert.Contains("67", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CutGzipStreamIsRejectedNamingTheFile()
    {
        var compressed = IdxFiles.Gzip(IdxFiles.UnsignedBytes([100, 100], IdxFiles.Sequence(10_000)));
        var path = _dir.File("cut.gz");
        File.WriteAllBytes(path, compressed[..(compressed.Length / 2)]);

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CorruptGzipPayloadIsRejectedNamingTheFile()
    {
        var compressed = IdxFiles.Gzip(IdxFiles.UnsignedBytes([100, 100], IdxFiles.Sequence(10_000)));
        for (var i = 10; i < compressed.Length - 8; i++)
        {
            compressed[i] = 0xff;
        }

        var path = _dir.File("corrupt.gz");
        File.WriteAllBytes(path, compressed);

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void BytesBeyondTheDeclaredSizeAreRejected(bool gzip)
    {
        byte[] plain = [.. IdxFiles.UnsignedBytes([4], [1, 2, 3, 4]), 5];
        var path = _dir.File("trailing.idx");
        File.WriteAllBytes(path, gzip ? IdxFiles.Gzip(plain) : plain);

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("after", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileWithoutLeadingZeroBytesIsRejectedAsNotIdx()
    {
        var path = _dir.WriteText("text.idx", "hello, this is not IDX");

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Contains("not IDX", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FloatElementsAreRejectedAsUnsupported()
    {
        var path = _dir.File("floats.idx");
        File.WriteAllBytes(path, IdxFiles.Build(0x0D, [2], new byte[8]));

        var error = Assert.Throws<NotSupportedException>(() => IdxReader.Read(path));

        Assert.Contains("32-bit float", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownElementTypeIsRejected()
    {
        var path = _dir.File("unknown.idx");
        File.WriteAllBytes(path, IdxFiles.Build(0x42, [2], new byte[2]));

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Contains("0x42", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(255)]
    public void AbsurdDimensionCountsAreRejected(int rank)
    {
        var path = _dir.File("rank.idx");
        File.WriteAllBytes(path, IdxFiles.Build(0x08, [.. Enumerable.Repeat(1u, rank)], new byte[1]));

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Contains($"{rank} dimensions", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(0x8000_0000u)]
    public void AbsurdDimensionSizesAreRejected(uint size)
    {
        var path = _dir.File("size.idx");
        File.WriteAllBytes(path, IdxFiles.Build(0x08, [size, 1], []));

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Contains($"size {size}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void HeaderDeclaringMoreElementsThanTheLimitIsRejectedBeforeAllocating(bool gzip)
    {
        // Claims 65,536 × 65,536 × 255 bytes (about a terabyte) but carries none of them.
        var plain = IdxFiles.Build(0x08, [65_536, 65_536, 255], []);
        var path = _dir.File("huge.idx");
        File.WriteAllBytes(path, gzip ? IdxFiles.Gzip(plain) : plain);

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Contains(nameof(IdxReadLimits.MaxElements), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LimitsCanBeTightened()
    {
        var path = _dir.File("small.idx");
        File.WriteAllBytes(path, IdxFiles.UnsignedBytes([10, 10], new byte[100]));

        Assert.Throws<InvalidDataException>(() => IdxReader.Read(path, new IdxReadLimits(MaxElements: 99)));
        Assert.Throws<InvalidDataException>(() => IdxReader.Read(path, new IdxReadLimits(MaxDimensions: 1)));
        Assert.Equal(100, IdxReader.Read(path, new IdxReadLimits(MaxDimensions: 2, MaxElements: 100)).Data.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(6)]
    public void TruncatedHeaderIsRejected(int length)
    {
        var path = _dir.File("header.idx");
        File.WriteAllBytes(path, IdxFiles.UnsignedBytes([2, 2], new byte[4])[..length]);

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFileIsReportedAsNotFound()
    {
        var path = _dir.File("absent.idx");

        var error = Assert.Throws<FileNotFoundException>(() => IdxReader.Read(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
