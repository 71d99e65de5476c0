using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace OrleansAI.Inference.Oip;

/// <summary>Writes Open Inference Protocol (KServe v2) REST inference responses and error bodies.</summary>
public static class OipResponseWriter
{
    /// <summary>
    /// Writes {"model_name", "model_version"?, "id"?, "parameters"?, "outputs": [{"name", "datatype", "shape",
    /// "data"}…]} with flat, row-major data. An output marked <see cref="OipOutputTensor.Binary"/> carries
    /// "parameters": {"binary_data_size": N} instead of "data", and its raw little-endian bytes follow the
    /// JSON in output order (BOOL as one byte, BYTES as a 4-byte length then the UTF-8 bytes).
    /// <para>
    /// Floats are written in their shortest round-trip form. JSON has no NaN or infinities, so non-finite
    /// elements are written as the strings "NaN", "Infinity" and "-Infinity" (the convention of
    /// System.Text.Json's named floating-point literals), which <see cref="OipRequestReader"/> accepts
    /// back; null was not used because it would lose which of the three the model produced. FP16 outputs
    /// are rounded to half precision first, so their JSON and binary forms hold the same values.
    /// </para>
    /// </summary>
    /// <returns>The length of the JSON part (for the Inference-Header-Content-Length header) when any output is binary; otherwise null.</returns>
    /// <exception cref="ArgumentException">An output's data does not match its datatype or shape.</exception>
    public static int? Write(
        IBufferWriter<byte> destination,
        string modelName,
        string? modelVersion,
        string? id,
        IReadOnlyList<OipOutputTensor> outputs,
        IReadOnlyDictionary<string, JsonElement>? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(modelName);
        ArgumentNullException.ThrowIfNull(outputs);
        var anyBinary = false;
        for (var i = 0; i < outputs.Count; i++)
        {
            Validate(outputs[i], i);
            anyBinary |= outputs[i].Binary;
        }

        long header;
        using (var json = new Utf8JsonWriter(destination))
        {
            json.WriteStartObject();
            json.WriteString("model_name"u8, modelName);
            if (modelVersion is not null)
            {
                json.WriteString("model_version"u8, modelVersion);
            }

            if (id is not null)
            {
                json.WriteString("id"u8, id);
            }

            if (parameters is { Count: > 0 })
            {
                json.WriteStartObject("parameters"u8);
                foreach (var (key, value) in parameters)
                {
                    json.WritePropertyName(key);
                    value.WriteTo(json);
                }

                json.WriteEndObject();
            }

            json.WriteStartArray("outputs"u8);
            foreach (var output in outputs)
            {
                WriteOutput(json, output);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
            header = json.BytesCommitted;
        }

        if (!anyBinary)
        {
            return null;
        }

        foreach (var output in outputs)
        {
            if (output.Binary)
            {
                WriteBinary(destination, output);
            }
        }

        return checked((int)header);
    }

    /// <summary>Writes the protocol's error body, {"error": message}.</summary>
    public static void WriteError(IBufferWriter<byte> destination, string message)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(message);
        using var json = new Utf8JsonWriter(destination);
        json.WriteStartObject();
        json.WriteString("error"u8, message);
        json.WriteEndObject();
    }

    private static void WriteOutput(Utf8JsonWriter json, OipOutputTensor output)
    {
        json.WriteStartObject();
        json.WriteString("name"u8, output.Name);
        json.WriteString("datatype"u8, OipDatatypes.Name(output.Datatype));
        json.WriteStartArray("shape"u8);
        foreach (var dim in output.Shape)
        {
            json.WriteNumberValue(dim);
        }

        json.WriteEndArray();
        if (output.Binary)
        {
            json.WriteStartObject("parameters"u8);
            json.WriteNumber("binary_data_size"u8, BinarySize(output));
            json.WriteEndObject();
        }
        else
        {
            json.WriteStartArray("data"u8);
            WriteData(json, output);
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteData(Utf8JsonWriter json, OipOutputTensor output)
    {
        if (output.Floats is { } floats)
        {
            foreach (var raw in floats)
            {
                var value = output.Datatype == OipDatatype.Fp16 ? (float)(Half)raw : raw;
                if (float.IsFinite(value))
                {
                    json.WriteNumberValue(value);
                }
                else
                {
                    json.WriteStringValue(float.IsNaN(value) ? "NaN"u8 : value > 0 ? "Infinity"u8 : "-Infinity"u8);
                }
            }
        }
        else if (output.Longs is { } longs)
        {
            foreach (var value in longs)
            {
                if (output.Datatype == OipDatatype.Bool)
                {
                    json.WriteBooleanValue(value != 0);
                }
                else
                {
                    json.WriteNumberValue(value);
                }
            }
        }
        else
        {
            foreach (var value in output.Strings!)
            {
                json.WriteStringValue(value);
            }
        }
    }

    private static long BinarySize(OipOutputTensor output)
    {
        if (output.Strings is { } strings)
        {
            return strings.Sum(s => 4L + Encoding.UTF8.GetByteCount(s));
        }

        return (long)OipDatatypes.ByteSize(output.Datatype) * (output.Floats?.Length ?? output.Longs!.Length);
    }

    private static void WriteBinary(IBufferWriter<byte> destination, OipOutputTensor output)
    {
        if (output.Strings is { } strings)
        {
            foreach (var text in strings)
            {
                var length = Encoding.UTF8.GetByteCount(text);
                var span = destination.GetSpan(4 + length);
                BinaryPrimitives.WriteInt32LittleEndian(span, length);
                Encoding.UTF8.GetBytes(text, span[4..]);
                destination.Advance(4 + length);
            }

            return;
        }

        var width = OipDatatypes.ByteSize(output.Datatype);
        var count = output.Floats?.Length ?? output.Longs!.Length;
        for (var i = 0; i < count; i++)
        {
            var span = destination.GetSpan(width)[..width];
            if (output.Floats is { } floats)
            {
                switch (output.Datatype)
                {
                    case OipDatatype.Fp16:
                        BinaryPrimitives.WriteHalfLittleEndian(span, (Half)floats[i]);
                        break;
                    case OipDatatype.Fp32:
                        BinaryPrimitives.WriteSingleLittleEndian(span, floats[i]);
                        break;
                    default:
                        BinaryPrimitives.WriteDoubleLittleEndian(span, floats[i]);
                        break;
                }
            }
            else
            {
                // Validate checked the range, so truncating to the width keeps the value (two's complement).
                var value = output.Longs![i];
                switch (width)
                {
                    case 1:
                        span[0] = (byte)value;
                        break;
                    case 2:
                        BinaryPrimitives.WriteInt16LittleEndian(span, (short)value);
                        break;
                    case 4:
                        BinaryPrimitives.WriteInt32LittleEndian(span, (int)value);
                        break;
                    default:
                        BinaryPrimitives.WriteInt64LittleEndian(span, value);
                        break;
                }
            }

            destination.Advance(width);
        }
    }

    private static void Validate(OipOutputTensor output, int index)
    {
        var field = $"outputs[{index}]";
        if (output is null)
        {
            throw new ArgumentException($"{field} is null.", nameof(output));
        }

        if (string.IsNullOrEmpty(output.Name) || output.Shape is null)
        {
            throw new ArgumentException($"{field} needs a name and a shape.", nameof(output));
        }

        var arrays = (output.Floats is null ? 0 : 1) + (output.Longs is null ? 0 : 1) + (output.Strings is null ? 0 : 1);
        var expected = output.Datatype switch
        {
            OipDatatype.Fp16 or OipDatatype.Fp32 or OipDatatype.Fp64 => output.Floats is not null,
            OipDatatype.Bytes => output.Strings is not null,
            _ => output.Longs is not null,
        };
        if (arrays != 1 || !expected)
        {
            throw new ArgumentException(
                $"{field} ({OipDatatypes.Name(output.Datatype)}) needs exactly one data array: Floats for FP*, Longs for integers and BOOL, Strings for BYTES.",
                nameof(output));
        }

        var length = output.Floats?.Length ?? output.Longs?.Length ?? output.Strings!.Length;
        long product = 1;
        foreach (var dim in output.Shape)
        {
            if (dim < 0)
            {
                throw new ArgumentException($"{field} has a negative dimension.", nameof(output));
            }

            // Saturating, so that a huge shape cannot overflow into a match.
            product = dim == 0 || product <= long.MaxValue / dim ? product * dim : long.MaxValue;
        }

        if (product != length)
        {
            throw new ArgumentException($"{field} has {length} elements; shape {OipJson.Format(output.Shape)} needs {product}.", nameof(output));
        }

        if (output.Longs is { } longs)
        {
            var (min, max) = OipDatatypes.IntegerRange(output.Datatype);
            var limit = (long)Math.Min(max, long.MaxValue);
            foreach (var value in longs)
            {
                if (value < min || value > limit)
                {
                    throw new ArgumentException($"{field} holds {value}, outside [{min}, {max}] of {OipDatatypes.Name(output.Datatype)}.", nameof(output));
                }
            }
        }

        if (output.Strings is { } strings && Array.IndexOf(strings, null) >= 0)
        {
            throw new ArgumentException($"{field} holds a null string.", nameof(output));
        }
    }
}
