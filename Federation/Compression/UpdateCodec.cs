using System.Buffers.Binary;

namespace OrleansAI.Federation.Compression;

/// <summary>
/// The versioned wire format of a (possibly compressed) update:
/// <c>"OAUP"</c>, version (1 byte), encoding (1 byte), 2 reserved zero bytes, vector length (u32),
/// stored count (u32), int8 scale (f32, 0 for float encodings), then for sparse encodings the
/// positions as varint gaps (first position, then differences, each ≥ 1), then the values as
/// float32 or int8. All little-endian. Decoding trusts nothing: every field is checked.
/// </summary>
public static class UpdateCodec
{
    /// <summary>Current format version.</summary>
    public const byte Version = 1;

    /// <summary>Bytes before the payload.</summary>
    public const int HeaderBytes = 20;

    private static ReadOnlySpan<byte> Magic => "OAUP"u8;

    /// <summary>Encodes values (and, for sparse encodings, their ascending positions).</summary>
    public static byte[] Encode(UpdateEncoding encoding, int length, ReadOnlySpan<int> positions, ReadOnlySpan<float> values, ReadOnlySpan<sbyte> quantized, float scale)
    {
        var sparse = encoding is UpdateEncoding.SparseFloat32 or UpdateEncoding.SparseInt8;
        var int8 = encoding is UpdateEncoding.DenseInt8 or UpdateEncoding.SparseInt8;
        var count = int8 ? quantized.Length : values.Length;
        if (!sparse && count != length)
        {
            throw new ArgumentException($"A dense update needs {length} values, got {count}.", nameof(values));
        }

        if (sparse && positions.Length != count)
        {
            throw new ArgumentException($"{positions.Length} positions for {count} values.", nameof(positions));
        }

        var buffer = new List<byte>(HeaderBytes + count * (int8 ? 2 : 5));
        Span<byte> header = stackalloc byte[HeaderBytes];
        Magic.CopyTo(header);
        header[4] = Version;
        header[5] = (byte)encoding;
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], (uint)length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], (uint)count);
        BinaryPrimitives.WriteSingleLittleEndian(header[16..], int8 ? scale : 0f);
        buffer.AddRange(header);
        if (sparse)
        {
            var previous = -1;
            foreach (var position in positions)
            {
                if (position <= previous || position >= length)
                {
                    throw new ArgumentException("Positions must be strictly increasing and inside the vector.", nameof(positions));
                }

                WriteVarint(buffer, (uint)(position - previous));
                previous = position;
            }
        }

        if (int8)
        {
            foreach (var q in quantized)
            {
                buffer.Add(unchecked((byte)q));
            }
        }
        else
        {
            Span<byte> four = stackalloc byte[4];
            foreach (var v in values)
            {
                BinaryPrimitives.WriteSingleLittleEndian(four, v);
                buffer.AddRange(four);
            }
        }

        return [.. buffer];
    }

    /// <summary>
    /// Decodes to a dense vector of <paramref name="expectedLength"/>; zeros where a sparse update
    /// stored nothing. Throws <see cref="InvalidDataException"/> naming the first problem.
    /// </summary>
    public static float[] Decode(ReadOnlySpan<byte> bytes, int expectedLength)
    {
        if (bytes.Length < HeaderBytes || !bytes[..4].SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not an OrleansAI update: the header is missing or its magic is wrong.");
        }

        if (bytes[4] != Version)
        {
            throw new InvalidDataException($"Update format version {bytes[4]} is not supported (this node reads version {Version}).");
        }

        var encoding = (UpdateEncoding)bytes[5];
        if (!Enum.IsDefined(encoding) || bytes[6] != 0 || bytes[7] != 0)
        {
            throw new InvalidDataException($"Unknown update encoding {bytes[5]} or non-zero reserved bytes.");
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]);
        var count = BinaryPrimitives.ReadUInt32LittleEndian(bytes[12..]);
        var scale = BinaryPrimitives.ReadSingleLittleEndian(bytes[16..]);
        if (length != expectedLength)
        {
            throw new InvalidDataException($"The update has {length} parameters; the model has {expectedLength}.");
        }

        var sparse = encoding is UpdateEncoding.SparseFloat32 or UpdateEncoding.SparseInt8;
        var int8 = encoding is UpdateEncoding.DenseInt8 or UpdateEncoding.SparseInt8;
        if (count > length || (!sparse && count != length))
        {
            throw new InvalidDataException($"The update stores {count} values for {length} parameters.");
        }

        if (int8 && (!float.IsFinite(scale) || scale < 0))
        {
            throw new InvalidDataException($"The int8 scale {scale} is not a finite non-negative number.");
        }

        var payload = bytes[HeaderBytes..];
        var positions = new int[count];
        if (sparse)
        {
            var previous = -1L;
            for (var i = 0; i < count; i++)
            {
                var gap = ReadVarint(ref payload);
                var position = previous + gap;
                if (gap == 0 || position >= length)
                {
                    throw new InvalidDataException($"Position {i} ({position}) is repeated or outside the vector.");
                }

                positions[i] = (int)position;
                previous = position;
            }
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                positions[i] = i;
            }
        }

        var valueBytes = int8 ? count : count * 4L;
        if (payload.Length != valueBytes)
        {
            throw new InvalidDataException($"The update's values take {payload.Length} bytes; {valueBytes} expected.");
        }

        var result = new float[length];
        for (var i = 0; i < count; i++)
        {
            var value = int8 ? unchecked((sbyte)payload[i]) * scale : BinaryPrimitives.ReadSingleLittleEndian(payload[(i * 4)..]);
            if (!float.IsFinite(value))
            {
                throw new InvalidDataException($"Value {i} is not finite.");
            }

            result[positions[i]] = value;
        }

        return result;
    }

    /// <summary>Whether <paramref name="bytes"/> start like an encoded update (as opposed to, say, safetensors weights).</summary>
    public static bool HasMagic(ReadOnlySpan<byte> bytes) => bytes.Length >= 4 && bytes[..4].SequenceEqual(Magic);

    /// <summary>The encoding named in an encoded update's header.</summary>
    public static UpdateEncoding PeekEncoding(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= HeaderBytes ? (UpdateEncoding)bytes[5] : throw new InvalidDataException("The update is shorter than its header.");

    private static void WriteVarint(List<byte> buffer, uint value)
    {
        while (value >= 0x80)
        {
            buffer.Add((byte)(value | 0x80));
            value >>= 7;
        }

        buffer.Add((byte)value);
    }

    private static uint ReadVarint(ref ReadOnlySpan<byte> payload)
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (payload.IsEmpty)
            {
                throw new InvalidDataException("The positions end in the middle of a number.");
            }

            var b = payload[0];
            payload = payload[1..];
            value |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("A position is longer than five bytes.");
    }
}
