using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace OrleansAI.Inference.Oip;

/// <summary>Reads a JSON tensor's <c>data</c> array into float32 as it goes, checking each element against its datatype and the count against the shape.</summary>
internal static class OipTensorData
{
    /// <summary>The product of the dimensions, refused when it passes the limit (checked before it can overflow).</summary>
    internal static int Elements(long[] shape, string field, OipLimits limits)
    {
        if (Array.IndexOf(shape, 0L) >= 0)
        {
            return 0;
        }

        var max = Math.Min(limits.MaxElements, Array.MaxLength);
        long product = 1;
        foreach (var dim in shape)
        {
            if (product > max / dim)
            {
                throw new OipRequestException($"{field}.shape {OipJson.Format(shape)} has more than {max} elements");
            }

            product *= dim;
        }

        return (int)product;
    }

    /// <summary>
    /// Converts the array the reader stands on, flattening nested arrays in row-major order. Elements past
    /// the expected count are still checked and counted so that the error can say how many there were.
    /// </summary>
    /// <remarks>
    /// Compiled fully optimised from the first call: under tiered compilation the first requests after a
    /// start (or after a burst of other new code) ran this loop unoptimised at about three times the cost.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static float[] ReadData(ref Utf8JsonReader reader, InputDraft input, OipLimits limits)
    {
        var type = input.Datatype!.Value;
        var expected = Elements(input.Shape!, input.Field, limits);
        var values = type == OipDatatype.Bytes ? [] : new float[expected];
        // Working on a local copy of the reader lets the JIT keep its state in registers (a few per cent here).
        var local = reader;
        long count = 0;
        var depth = 1;
        while (depth > 0)
        {
            local.Read();
            var token = local.TokenType;
            if (token == JsonTokenType.Number && type == OipDatatype.Fp32)
            {
                // The common case (a float tensor) inline; rounded once from the text to float, not through double.
                var value = JsonNumber.ToSingle(local.ValueSpan);
                if (count < values.Length)
                {
                    values[count] = value;
                }

                count++;
            }
            else if (token == JsonTokenType.StartArray)
            {
                depth++;
            }
            else if (token == JsonTokenType.EndArray)
            {
                depth--;
            }
            else
            {
                var value = Element(ref local, type, input.Field, count);
                if (count < values.Length)
                {
                    values[count] = value;
                }

                count++;
            }
        }

        reader = local;
        if (count != expected)
        {
            throw new OipRequestException($"{input.Field}.data has {count} elements; shape {OipJson.Format(input.Shape!)} needs {expected}");
        }

        return values;
    }

    internal static float Element(ref Utf8JsonReader reader, OipDatatype type, string field, long index)
    {
        var token = reader.TokenType;
        switch (type)
        {
            case OipDatatype.Fp32 when token == JsonTokenType.Number:
                return JsonNumber.ToSingle(reader.ValueSpan);
            case OipDatatype.Fp64 when token == JsonTokenType.Number:
                return (float)JsonNumber.ToDouble(reader.ValueSpan);
            case OipDatatype.Fp16 when token == JsonTokenType.Number:
                // Half.Parse rounds once from the text; FP16 JSON is rare enough not to need a fast path.
                return (float)Half.Parse(reader.ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture);
            case OipDatatype.Fp16 or OipDatatype.Fp32 or OipDatatype.Fp64 when token == JsonTokenType.String:
                return NamedFloat(ref reader, type, field, index);
            case OipDatatype.Fp16 or OipDatatype.Fp32 or OipDatatype.Fp64:
                throw new OipRequestException($"{field}.data[{index}] must be a number for {OipDatatypes.Name(type)}, not {OipJson.Describe(token)}");
            case OipDatatype.Bool:
                return token switch
                {
                    JsonTokenType.True => 1f,
                    JsonTokenType.False => 0f,
                    _ => throw new OipRequestException($"{field}.data[{index}] must be true or false for BOOL, not {OipJson.Describe(token)}"),
                };
            case OipDatatype.Bytes:
                return token == JsonTokenType.String
                    ? 0f
                    : throw new OipRequestException($"{field}.data[{index}] must be a string for BYTES, not {OipJson.Describe(token)}");
            default:
                return Integer(ref reader, type, field, index);
        }
    }

    internal static float Integer(ref Utf8JsonReader reader, OipDatatype type, string field, long index)
    {
        var (min, max) = OipDatatypes.IntegerRange(type);
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetInt64(out var signed) && signed >= min && (signed < 0 || (ulong)signed <= max))
            {
                return signed;
            }

            if (type == OipDatatype.Uint64 && reader.TryGetUInt64(out var unsigned))
            {
                return unsigned;
            }
        }

        var got = reader.TokenType == JsonTokenType.Number ? Encoding.UTF8.GetString(reader.ValueSpan) : OipJson.Describe(reader.TokenType);
        throw new OipRequestException($"{field}.data[{index}] must be an integer in [{min}, {max}] for {OipDatatypes.Name(type)}, not {got}");
    }

    internal static float NamedFloat(ref Utf8JsonReader reader, OipDatatype type, string field, long index)
    {
        if (reader.ValueTextEquals("NaN"u8))
        {
            return float.NaN;
        }

        if (reader.ValueTextEquals("Infinity"u8))
        {
            return float.PositiveInfinity;
        }

        if (reader.ValueTextEquals("-Infinity"u8))
        {
            return float.NegativeInfinity;
        }

        throw new OipRequestException($"{field}.data[{index}] must be a number for {OipDatatypes.Name(type)} (or \"NaN\", \"Infinity\", \"-Infinity\")");
    }
}
