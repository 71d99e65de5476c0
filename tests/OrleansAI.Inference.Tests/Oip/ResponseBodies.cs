using System.Buffers;

namespace OrleansAI.Inference.Tests.Oip;

/// <summary>Writes responses into memory and turns them back into requests to read.</summary>
internal static class ResponseBodies
{
    public static (byte[] Body, int? HeaderLength) Write(IReadOnlyList<OipOutputTensor> outputs, string? id = null, IReadOnlyDictionary<string, JsonElement>? parameters = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var headerLength = OipResponseWriter.Write(buffer, "mnist", "3", id, outputs, parameters);
        return (buffer.WrittenSpan.ToArray(), headerLength);
    }

    /// <summary>
    /// A response's output objects have exactly the form of request inputs (name, datatype, shape, and
    /// data or binary_data_size), so wrapping them in {"inputs": …} with the same binary section gives a
    /// request that the reader must decode to the values written.
    /// </summary>
    public static (byte[] Body, int? HeaderLength) AsRequest(byte[] response, int? headerLength)
    {
        ReadOnlyMemory<byte> json = headerLength is { } length ? response.AsMemory(0, length) : response;
        using var document = JsonDocument.Parse(json);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("inputs");
            document.RootElement.GetProperty("outputs").WriteTo(writer);
            writer.WriteEndObject();
        }

        var header = buffer.WrittenCount;
        ReadOnlySpan<byte> binary = headerLength is { } start ? response.AsSpan(start) : [];
        return ([.. buffer.WrittenSpan, .. binary], headerLength is null ? null : header);
    }
}
