using System.Buffers.Binary;
using System.IO.Compression;

namespace OrleansAI.Learning.Data;

/// <summary>
/// Reads the IDX format used by MNIST-style datasets: two zero bytes, an element-type byte, a
/// dimension-count byte, one big-endian 32-bit size per dimension, then the elements. Only unsigned
/// bytes (type 0x08) are supported, which is what image and label files use. Files may be plain or
/// gzip-compressed (recognised by the 1f 8b magic, not the file name) and are decoded as a stream, so
/// a compressed file is never inflated on disk or held twice in memory. Every malformed input
/// (bad magic, absurd header, truncation, trailing bytes) raises an exception naming the source,
/// because a silently short dataset would only surface later as a puzzling training result.
/// </summary>
public static class IdxReader
{
    /// <summary>IDX element-type code for unsigned bytes, the only type this reader decodes.</summary>
    public const byte UnsignedByteType = 0x08;

    private const int HeaderPrefixLength = 4;

    /// <summary>Reads the IDX file at <paramref name="path"/>, plain or gzip-compressed.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not well-formed IDX or exceeds <paramref name="limits"/>.</exception>
    /// <exception cref="NotSupportedException">The file holds an element type other than unsigned bytes.</exception>
    public static IdxArray Read(string path, IdxReadLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"IDX file '{path}' does not exist.", path);
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        Span<byte> magic = stackalloc byte[2];
        var read = file.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        file.Position = 0;
        if (read == magic.Length && magic[0] == 0x1f && magic[1] == 0x8b)
        {
            using var inflated = new GZipStream(file, CompressionMode.Decompress);
            return ReadCore(inflated, $"IDX file '{path}' (gzip)", limits ?? IdxReadLimits.Default, knownLength: null);
        }

        return ReadCore(file, $"IDX file '{path}'", limits ?? IdxReadLimits.Default, file.Length);
    }

    /// <summary>
    /// Reads one uncompressed IDX array from <paramref name="stream"/>, which must end right after it.
    /// <paramref name="sourceName"/> names the stream in error messages.
    /// </summary>
    /// <exception cref="InvalidDataException">The stream is not well-formed IDX or exceeds <paramref name="limits"/>.</exception>
    /// <exception cref="NotSupportedException">The stream holds an element type other than unsigned bytes.</exception>
    public static IdxArray Read(Stream stream, string sourceName, IdxReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        return ReadCore(stream, $"IDX stream '{sourceName}'", limits ?? IdxReadLimits.Default, knownLength: null);
    }

    private static IdxArray ReadCore(Stream stream, string source, IdxReadLimits limits, long? knownLength)
    {
        try
        {
            return Decode(stream, source, limits, knownLength);
        }
        catch (InvalidDataException exception) when (!exception.Message.StartsWith(source, StringComparison.Ordinal))
        {
            // The gzip decoder reports corruption without saying which file it was reading.
            throw new InvalidDataException($"{source} is corrupt: {exception.Message}", exception);
        }
    }

    private static IdxArray Decode(Stream stream, string source, IdxReadLimits limits, long? knownLength)
    {
        Span<byte> prefix = stackalloc byte[HeaderPrefixLength];
        ReadFully(stream, prefix, source, "header");
        if (prefix[0] != 0 || prefix[1] != 0)
        {
            throw new InvalidDataException($"{source} is not IDX: it starts with 0x{prefix[0]:x2} 0x{prefix[1]:x2} instead of two zero bytes.");
        }

        var type = prefix[2];
        if (type != UnsignedByteType)
        {
            var name = TypeName(type);
            if (name is null)
            {
                throw new InvalidDataException($"{source} declares unknown element type 0x{type:x2}.");
            }

            throw new NotSupportedException($"{source} holds {name} elements (type 0x{type:x2}); only unsigned bytes (0x08) are supported.");
        }

        var rank = prefix[3];
        if (rank == 0 || rank > limits.MaxDimensions)
        {
            throw new InvalidDataException($"{source} declares {rank} dimensions; between 1 and {limits.MaxDimensions} are accepted.");
        }

        Span<byte> sizes = stackalloc byte[4 * rank];
        ReadFully(stream, sizes, source, "dimension sizes");
        var dimensions = new int[rank];
        var elements = 1L;
        for (var i = 0; i < rank; i++)
        {
            var size = BinaryPrimitives.ReadUInt32BigEndian(sizes.Slice(4 * i, 4));
            if (size == 0 || size > int.MaxValue)
            {
                throw new InvalidDataException($"{source} declares dimension {i} of size {size}; sizes must be between 1 and {int.MaxValue}.");
            }

            dimensions[i] = (int)size;
            elements *= size;
            if (elements > limits.MaxElements)
            {
                throw new InvalidDataException($"{source} declares more than {limits.MaxElements} elements (dimensions so far [{string.Join(", ", dimensions.Take(i + 1))}]); raise {nameof(IdxReadLimits)}.{nameof(IdxReadLimits.MaxElements)} if that is intended.");
            }
        }

        var headerLength = HeaderPrefixLength + (4L * rank);
        if (knownLength is { } length && length != headerLength + elements)
        {
            // A plain file's size is known up front, so truncation is caught before allocating.
            throw length < headerLength + elements
                ? new InvalidDataException($"{source} is truncated: dimensions [{string.Join(", ", dimensions)}] need {elements} bytes of data but only {length - headerLength} follow the header.")
                : new InvalidDataException($"{source} has {length - headerLength - elements} bytes after the {elements} its dimensions [{string.Join(", ", dimensions)}] declare.");
        }

        var data = GC.AllocateUninitializedArray<byte>((int)elements);
        var got = stream.ReadAtLeast(data, data.Length, throwOnEndOfStream: false);
        if (got < data.Length)
        {
            throw new InvalidDataException($"{source} is truncated: dimensions [{string.Join(", ", dimensions)}] need {elements} bytes of data but only {got} follow the header.");
        }

        if (stream.ReadByte() >= 0)
        {
            throw new InvalidDataException($"{source} has data after the {elements} bytes its dimensions [{string.Join(", ", dimensions)}] declare.");
        }

        return new IdxArray(dimensions, data);
    }

    private static void ReadFully(Stream stream, Span<byte> buffer, string source, string part)
    {
        var got = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (got < buffer.Length)
        {
            throw new InvalidDataException($"{source} is truncated: its {part} need {buffer.Length} bytes, only {got} present.");
        }
    }

    private static string? TypeName(byte type) => type switch
    {
        0x09 => "signed byte",
        0x0B => "16-bit integer",
        0x0C => "32-bit integer",
        0x0D => "32-bit float",
        0x0E => "64-bit float",
        _ => null,
    };
}
