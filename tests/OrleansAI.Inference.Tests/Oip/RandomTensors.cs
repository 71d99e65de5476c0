using System.Buffers;
using System.Buffers.Binary;

namespace OrleansAI.Inference.Tests.Oip;

/// <summary>
/// Random numeric tensors and independently written request bodies holding them: JSON data flat or
/// nested, properties in random order, or binary sections. What the property tests quantify over.
/// </summary>
internal static class RandomTensors
{
    private static readonly OipDatatype[] Numeric = [.. Enum.GetValues<OipDatatype>().Where(t => t != OipDatatype.Bytes)];

    public static TensorSample Next(Random random, string name, bool allowBinary = true)
    {
        var type = Numeric[random.Next(Numeric.Length)];
        var shape = Enumerable.Range(0, random.Next(0, 5)).Select(_ => (long)random.Next(random.Next(8) == 0 ? 0 : 1, 5)).ToArray();
        var count = (int)shape.Aggregate(1L, (a, b) => a * b);
        var raw = new object[count];
        var expected = new float[count];
        for (var i = 0; i < count; i++)
        {
            (raw[i], expected[i]) = Value(random, type);
        }

        return new TensorSample(name, type, shape, raw, expected, allowBinary && random.Next(3) == 0, random.Next(2) == 0);
    }

    /// <summary>A request body for the tensors, with the header length when any is binary.</summary>
    public static (byte[] Body, int? HeaderLength) Request(Random random, IReadOnlyList<TensorSample> tensors)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", "r");
            json.WriteStartArray("inputs");
            foreach (var tensor in tensors)
            {
                WriteInput(json, random, tensor);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        if (!tensors.Any(t => t.Binary))
        {
            return (buffer.WrittenSpan.ToArray(), random.Next(2) == 0 ? null : buffer.WrittenCount);
        }

        var header = buffer.WrittenCount;
        foreach (var tensor in tensors.Where(t => t.Binary))
        {
            buffer.Write(Bytes(tensor));
        }

        return (buffer.WrittenSpan.ToArray(), header);
    }

    private static (object Raw, float Expected) Value(Random random, OipDatatype type)
    {
        switch (type)
        {
            case OipDatatype.Bool:
                var flag = random.Next(2) == 1;
                return (flag, flag ? 1f : 0f);
            case OipDatatype.Fp16:
                var half = random.Next(20) == 0 ? Special(random, Half.NaN, Half.PositiveInfinity, Half.NegativeInfinity) : (Half)((random.NextDouble() - 0.5) * Math.Pow(2, random.Next(-20, 17)));
                return (half, (float)half);
            case OipDatatype.Fp32:
                var single = random.Next(20) == 0 ? Special(random, float.NaN, float.PositiveInfinity, float.NegativeInfinity) : BitConverter.Int32BitsToSingle(random.Next()) * (random.Next(2) == 0 ? 1 : -1);
                return (single, single);
            case OipDatatype.Fp64:
                var wide = random.Next(20) == 0 ? Special(random, double.NaN, double.PositiveInfinity, double.NegativeInfinity) : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-40, 40));
                return (wide, (float)wide);
            case OipDatatype.Uint64:
                var unsigned = (ulong)random.NextInt64() * 2 + (ulong)random.Next(2);
                return (unsigned, unsigned);
            default:
                var bits = OipDatatypes.ByteSize(type) * 8;
                var signed = type is OipDatatype.Int8 or OipDatatype.Int16 or OipDatatype.Int32 or OipDatatype.Int64;
                var min = signed ? -(1L << (bits - 1)) : 0;
                var max = bits == 64 ? long.MaxValue : signed ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
                var value = random.Next(4) switch
                {
                    0 => min,
                    1 => max,
                    _ => min + (long)(random.NextDouble() * ((double)max - min)),
                };
                return (value, value);
        }
    }

    private static T Special<T>(Random random, params T[] values) => values[random.Next(values.Length)];

    private static void WriteInput(Utf8JsonWriter json, Random random, TensorSample tensor)
    {
        Action[] fields =
        [
            () => json.WriteString("name", tensor.Name),
            () => json.WriteString("datatype", OipDatatypes.Name(tensor.Type)),
            () =>
            {
                json.WriteStartArray("shape");
                foreach (var dim in tensor.Shape)
                {
                    json.WriteNumberValue(dim);
                }

                json.WriteEndArray();
            },
            () =>
            {
                if (tensor.Binary)
                {
                    json.WriteStartObject("parameters");
                    json.WriteNumber("binary_data_size", Bytes(tensor).Length);
                    json.WriteEndObject();
                    return;
                }

                json.WritePropertyName("data");
                var index = 0;
                WriteData(json, tensor, tensor.Nested ? 0 : -1, ref index);
            },
        ];
        json.WriteStartObject();
        foreach (var field in fields.OrderBy(_ => random.Next()))
        {
            field();
        }

        json.WriteEndObject();
    }

    /// <summary>Writes dimension <paramref name="dim"/> onwards as nested arrays, or everything flat when it is −1.</summary>
    private static void WriteData(Utf8JsonWriter json, TensorSample tensor, int dim, ref int index)
    {
        json.WriteStartArray();
        if (dim < 0 || dim >= tensor.Shape.Length - 1)
        {
            var count = dim < 0 || tensor.Shape.Length == 0 ? tensor.Raw.Length : (int)tensor.Shape[dim];
            for (var i = 0; i < count; i++)
            {
                WriteElement(json, tensor.Raw[index++]);
            }
        }
        else
        {
            for (var i = 0; i < tensor.Shape[dim]; i++)
            {
                WriteData(json, tensor, dim + 1, ref index);
            }
        }

        json.WriteEndArray();
    }

    private static void WriteElement(Utf8JsonWriter json, object value)
    {
        switch (value)
        {
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case Half half:
                WriteDouble(json, (double)half);
                break;
            case float single:
                if (float.IsFinite(single))
                {
                    json.WriteNumberValue(single);
                }
                else
                {
                    WriteDouble(json, single);
                }

                break;
            case double wide:
                WriteDouble(json, wide);
                break;
            case ulong unsigned:
                json.WriteNumberValue(unsigned);
                break;
            default:
                json.WriteNumberValue((long)value);
                break;
        }
    }

    private static void WriteDouble(Utf8JsonWriter json, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumberValue(value);
        }
        else
        {
            json.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    private static byte[] Bytes(TensorSample tensor)
    {
        var width = OipDatatypes.ByteSize(tensor.Type);
        var bytes = new byte[tensor.Raw.Length * width];
        for (var i = 0; i < tensor.Raw.Length; i++)
        {
            var span = bytes.AsSpan(i * width, width);
            switch (tensor.Raw[i])
            {
                case bool flag:
                    span[0] = flag ? (byte)1 : (byte)0;
                    break;
                case Half half:
                    BinaryPrimitives.WriteHalfLittleEndian(span, half);
                    break;
                case float single:
                    BinaryPrimitives.WriteSingleLittleEndian(span, single);
                    break;
                case double wide:
                    BinaryPrimitives.WriteDoubleLittleEndian(span, wide);
                    break;
                case ulong unsigned:
                    BinaryPrimitives.WriteUInt64LittleEndian(span, unsigned);
                    break;
                default:
                    var value = (long)tensor.Raw[i];
                    for (var b = 0; b < width; b++)
                    {
                        span[b] = (byte)(value >> (8 * b));
                    }

                    break;
            }
        }

        return bytes;
    }
}
