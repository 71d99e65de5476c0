using System.Buffers.Binary;
using System.IO.Compression;

namespace OrleansAI.Learning.Tests.Data;

/// <summary>Builds IDX files byte by byte so the reader is tested against the format, not against itself.</summary>
internal static class IdxFiles
{
    public static byte[] Build(byte type, IReadOnlyList<uint> dimensions, ReadOnlySpan<byte> data)
    {
        var bytes = new byte[4 + (4 * dimensions.Count) + data.Length];
        bytes[2] = type;
        bytes[3] = (byte)dimensions.Count;
        for (var i = 0; i < dimensions.Count; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4 + (4 * i), 4), dimensions[i]);
        }

        data.CopyTo(bytes.AsSpan(4 + (4 * dimensions.Count)));
        return bytes;
    }

    public static byte[] UnsignedBytes(IReadOnlyList<int> dimensions, ReadOnlySpan<byte> data) =>
        Build(0x08, [.. dimensions.Select(d => (uint)d)], data);

    public static byte[] Gzip(byte[] plain)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(plain);
        }

        return buffer.ToArray();
    }

    public static byte[] Sequence(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)(i * 7 % 256))];
}
