using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace OrleansAI.Models.Weights;

/// <summary>
/// The safetensors format: an 8-byte little-endian header length, a JSON header naming each
/// tensor's dtype, shape and byte range, then the raw little-endian data. We write float32 only,
/// tensors in the order given (so equal weights give equal bytes and equal hashes), and read
/// defensively because files come from untrusted providers.
/// </summary>
public static class Safetensors
{
    /// <summary>Largest header we accept; real headers are a few KiB.</summary>
    public const int MaxHeaderBytes = 16 * 1024 * 1024;

    /// <summary>Writes the tensors in order, with optional string metadata.</summary>
    public static byte[] Write(IReadOnlyList<SafetensorsTensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        using var headerStream = new MemoryStream();
        long offset = 0;
        using (var json = new Utf8JsonWriter(headerStream))
        {
            json.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject("__metadata__");
                foreach (var (key, value) in metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
                {
                    json.WriteString(key, value);
                }

                json.WriteEndObject();
            }

            foreach (var tensor in tensors)
            {
                var expected = tensor.Shape.Aggregate(1L, (a, d) => a * d);
                if (expected != tensor.Values.Length)
                {
                    throw new ArgumentException($"Tensor '{tensor.Name}' has shape {string.Join('x', tensor.Shape)} but {tensor.Values.Length} values.", nameof(tensors));
                }

                json.WriteStartObject(tensor.Name);
                json.WriteString("dtype", "F32");
                json.WriteStartArray("shape");
                foreach (var d in tensor.Shape)
                {
                    json.WriteNumberValue(d);
                }

                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                offset += tensor.Values.Length * 4L;
                json.WriteNumberValue(offset);
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        // Pad the header with spaces so the data starts 8-byte aligned, as the format recommends.
        var header = headerStream.ToArray();
        var padded = (header.Length + 7) / 8 * 8;
        var bytes = new byte[checked(8 + padded + offset)];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)padded);
        header.CopyTo(bytes, 8);
        bytes.AsSpan(8 + header.Length, padded - header.Length).Fill((byte)' ');
        var data = bytes.AsSpan(8 + padded);
        foreach (var tensor in tensors)
        {
            var target = data[..(tensor.Values.Length * 4)];
            if (BitConverter.IsLittleEndian)
            {
                MemoryMarshal.AsBytes(tensor.Values.AsSpan()).CopyTo(target);
            }
            else
            {
                for (var i = 0; i < tensor.Values.Length; i++)
                {
                    BinaryPrimitives.WriteSingleLittleEndian(target[(i * 4)..], tensor.Values[i]);
                }
            }

            data = data[(tensor.Values.Length * 4)..];
        }

        return bytes;
    }

    /// <summary>
    /// Reads every tensor in file order. Rejects anything malformed: short files, oversize headers,
    /// non-F32 tensors, byte ranges that overlap, leave gaps, or run past the end.
    /// </summary>
    public static IReadOnlyList<SafetensorsTensor> Read(ReadOnlySpan<byte> bytes)
    {
        var headerLength = HeaderLength(bytes, bytes.Length);
        var data = bytes[(8 + headerLength)..];
        var layout = ReadLayout(bytes.Slice(8, headerLength), data.Length);
        var result = new List<SafetensorsTensor>(layout.Count);
        foreach (var entry in layout)
        {
            var values = new float[entry.Elements];
            CopyValues(data[(int)entry.Begin..(int)entry.End], values);
            result.Add(new SafetensorsTensor(entry.Name, entry.Shape, values));
        }

        return result;
    }

    /// <summary>Decodes one tensor's little-endian F32 bytes into <paramref name="destination"/> (exactly its length).</summary>
    public static void CopyValues(ReadOnlySpan<byte> source, Span<float> destination)
    {
        if (source.Length != destination.Length * 4)
        {
            throw new InvalidDataException($"A tensor of {destination.Length} values needs {destination.Length * 4L} bytes, not {source.Length}.");
        }

        if (BitConverter.IsLittleEndian)
        {
            source.CopyTo(MemoryMarshal.AsBytes(destination));
            return;
        }

        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = BinaryPrimitives.ReadSingleLittleEndian(source[(i * 4)..]);
        }
    }

    /// <summary>
    /// The header length a file starts with, checked against <see cref="MaxHeaderBytes"/> and the
    /// file's <paramref name="fileLength"/>; <paramref name="prefix"/> holds at least its first 8 bytes.
    /// </summary>
    public static int HeaderLength(ReadOnlySpan<byte> prefix, long fileLength)
    {
        if (prefix.Length < 8 || fileLength < 8)
        {
            throw new InvalidDataException("A safetensors file needs at least 8 bytes.");
        }

        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (headerLength > MaxHeaderBytes || headerLength > (ulong)(fileLength - 8))
        {
            throw new InvalidDataException($"The header length {headerLength} does not fit the file of {fileLength} bytes.");
        }

        return (int)headerLength;
    }

    /// <summary>
    /// The tensors a header names, in header order, each checked: F32 only, a shape whose element
    /// count fits an array, and byte ranges that tile the <paramref name="dataLength"/> data bytes
    /// exactly (no overlap, no gap, nothing past the end). Reading the data is the caller's.
    /// </summary>
    public static IReadOnlyList<SafetensorsEntry> ReadLayout(ReadOnlySpan<byte> header, long dataLength)
    {
        var entries = new List<(string Name, int[] Shape, long Begin, long End)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(header).TrimEnd(' '));
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == "__metadata__")
                {
                    continue;
                }

                // JSON allows a repeated key, but two readers may each keep a different one.
                if (!names.Add(property.Name))
                {
                    throw new InvalidDataException($"Tensor '{property.Name}' appears more than once.");
                }

                var tensor = property.Value;
                var dtype = tensor.GetProperty("dtype").GetString();
                if (dtype != "F32")
                {
                    throw new InvalidDataException($"Tensor '{property.Name}' is {dtype}; only F32 is supported.");
                }

                var shape = tensor.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray();
                var offsets = tensor.GetProperty("data_offsets").EnumerateArray().Select(d => d.GetInt64()).ToArray();
                if (offsets.Length != 2 || shape.Any(d => d < 0))
                {
                    throw new InvalidDataException($"Tensor '{property.Name}' has a malformed shape or data_offsets.");
                }

                entries.Add((property.Name, shape, offsets[0], offsets[1]));
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new InvalidDataException($"The safetensors header is malformed: {ex.Message}", ex);
        }

        // Byte ranges must tile the data exactly, so no byte is shared or unaccounted for.
        long expectedBegin = 0;
        var checkedEntries = new Dictionary<string, SafetensorsEntry>(StringComparer.Ordinal);
        foreach (var entry in entries.OrderBy(e => e.Begin))
        {
            var count = ElementCount(entry.Name, entry.Shape);
            if (entry.Begin != expectedBegin || entry.End - entry.Begin != count * 4 || entry.End > dataLength)
            {
                throw new InvalidDataException($"Tensor '{entry.Name}' has byte range [{entry.Begin}, {entry.End}) that does not match its shape or the data.");
            }

            checkedEntries[entry.Name] = new SafetensorsEntry(entry.Name, entry.Shape, entry.Begin, entry.End, count);
            expectedBegin = entry.End;
        }

        if (expectedBegin != dataLength)
        {
            throw new InvalidDataException($"The file has {dataLength - expectedBegin} bytes after the last tensor.");
        }

        // Header order (the writer's order), not byte order.
        return [.. entries.Select(e => checkedEntries[e.Name])];
    }

    // The product of the dimensions, refused before it can overflow or pass what one array holds: a
    // wrapped product could otherwise match a small byte range and give a tensor its shape belies.
    private static long ElementCount(string name, int[] shape)
    {
        long count = 1;
        foreach (var dim in shape)
        {
            if (dim != 0 && count > Array.MaxLength / dim)
            {
                throw new InvalidDataException($"Tensor '{name}' has shape [{string.Join(", ", shape)}], more elements than an array holds.");
            }

            count *= dim;
        }

        return count;
    }

    private static Dictionary<string, string> Metadata(JsonElement metadata)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in metadata.EnumerateObject())
        {
            if (!values.TryAdd(property.Name, property.Value.GetString() ?? ""))
            {
                throw new InvalidDataException($"Metadata key '{property.Name}' appears more than once.");
            }
        }

        return values;
    }

    /// <summary>The string metadata of the header (<c>__metadata__</c>), empty when there is none.</summary>
    public static IReadOnlyDictionary<string, string> ReadMetadata(ReadOnlySpan<byte> bytes) =>
        ReadHeaderMetadata(bytes.Slice(8, HeaderLength(bytes, bytes.Length)));

    /// <summary>The string metadata of a header's JSON (<c>__metadata__</c>), empty when there is none.</summary>
    public static IReadOnlyDictionary<string, string> ReadHeaderMetadata(ReadOnlySpan<byte> header)
    {
        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(header).TrimEnd(' '));
            return document.RootElement.TryGetProperty("__metadata__", out var metadata) && metadata.ValueKind == JsonValueKind.Object
                ? Metadata(metadata)
                : new Dictionary<string, string>(StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new InvalidDataException($"The safetensors header is malformed: {ex.Message}", ex);
        }
    }
}
