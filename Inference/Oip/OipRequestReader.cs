using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace OrleansAI.Inference.Oip;

/// <summary>
/// Reads Open Inference Protocol (KServe v2) REST inference requests, including the binary tensor data
/// extension, straight from the body bytes with <see cref="Utf8JsonReader"/>: tensor data is converted to
/// float32 as it is read, never materialised as a JSON tree.
/// </summary>
public static class OipRequestReader
{
    /// <summary>
    /// Reads and validates a request body.
    /// <list type="bullet">
    /// <item><c>inputs</c> is required and non-empty; each input needs a <c>name</c>, a <c>shape</c> of
    /// non-negative integers, a <c>datatype</c>, and either <c>data</c> (flat or nested arrays, flattened
    /// row-major) or <c>parameters.binary_data_size</c>.</item>
    /// <item>Elements must fit the datatype: integers within range for INT*/UINT*, numbers for FP*
    /// (numbers beyond the type's range become infinities; the strings "NaN", "Infinity" and "-Infinity"
    /// are accepted too, as <see cref="OipResponseWriter"/> writes them), true/false for BOOL (1/0).
    /// FP16 values are rounded to half precision, as a binary FP16 tensor would be.</item>
    /// <item>BYTES inputs are parsed and then refused, since the models served take numbers.</item>
    /// <item>Unknown properties are ignored; known ones may not repeat; input and output names may not repeat.</item>
    /// </list>
    /// </summary>
    /// <param name="body">The whole request body.</param>
    /// <param name="headerLength">
    /// The Inference-Header-Content-Length header when present: the JSON is the first that many bytes and
    /// the binary section, consumed by binary inputs in order, follows. Null when the body is all JSON.
    /// </param>
    /// <param name="limits">Bounds on counts, sizes and nesting.</param>
    /// <exception cref="OipRequestException">The body is malformed or breaks a rule; the message says which field and why.</exception>
    public static OipInferRequest Read(ReadOnlySpan<byte> body, int? headerLength, OipLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        limits.Validate();
        var json = body;
        var binary = ReadOnlySpan<byte>.Empty;
        if (headerLength is { } length)
        {
            if (length < 0 || length > body.Length)
            {
                throw new OipRequestException($"Inference-Header-Content-Length is {length} but the body has {body.Length} bytes");
            }

            json = body[..length];
            binary = body[length..];
        }

        RequestDraft draft;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = limits.MaxDepth });
            draft = ReadRequest(ref reader, limits);
        }
        catch (JsonException e)
        {
            throw new OipRequestException($"the body is not valid JSON: {e.Message}", e);
        }

        return Complete(draft, binary, headerLength is not null);
    }

    private static RequestDraft ReadRequest(ref Utf8JsonReader reader, OipLimits limits)
    {
        // An empty body fails here as invalid JSON, since the reader is given the whole body at once.
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new OipRequestException("the body must be a JSON object");
        }

        var draft = new RequestDraft();
        var seen = 0;
        long totalElements = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                Once(ref seen, 1, "id");
                reader.Read();
                draft.Id = ReadString(ref reader, "id");
            }
            else if (reader.ValueTextEquals("inputs"u8))
            {
                Once(ref seen, 2, "inputs");
                reader.Read();
                Expect(ref reader, JsonTokenType.StartArray, "inputs must be an array");
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var index = draft.Inputs.Count;
                    if (index == limits.MaxInputs)
                    {
                        throw new OipRequestException($"the request has more than {limits.MaxInputs} inputs");
                    }

                    var input = ReadInput(ref reader, index, limits);
                    if (draft.Inputs.Exists(other => other.Name == input.Name))
                    {
                        throw new OipRequestException($"inputs[{index}].name \"{input.Name}\" is used by an earlier input");
                    }

                    totalElements += input.Elements;
                    if (totalElements > limits.MaxElements)
                    {
                        throw new OipRequestException($"the inputs have more than {limits.MaxElements} elements in all");
                    }

                    draft.Inputs.Add(input);
                }
            }
            else if (reader.ValueTextEquals("outputs"u8))
            {
                Once(ref seen, 4, "outputs");
                reader.Read();
                Expect(ref reader, JsonTokenType.StartArray, "outputs must be an array");
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var index = draft.Outputs.Count;
                    if (index == limits.MaxInputs)
                    {
                        throw new OipRequestException($"the request asks for more than {limits.MaxInputs} outputs");
                    }

                    var output = ReadOutput(ref reader, index, limits);
                    if (draft.Outputs.Exists(other => other.Name == output.Name))
                    {
                        throw new OipRequestException($"outputs[{index}].name \"{output.Name}\" is used by an earlier output");
                    }

                    draft.Outputs.Add(output);
                }
            }
            else if (reader.ValueTextEquals("parameters"u8))
            {
                Once(ref seen, 8, "parameters");
                reader.Read();
                draft.Parameters = OipParameters.Read(ref reader, "parameters");
            }
            else
            {
                reader.Skip();
            }
        }

        // Reading past the object makes the reader reject anything after it as invalid JSON.
        reader.Read();

        if ((seen & 2) == 0)
        {
            throw new OipRequestException("inputs is required");
        }

        if (draft.Inputs.Count == 0)
        {
            throw new OipRequestException("inputs must not be empty");
        }

        return draft;
    }

    private static InputDraft ReadInput(ref Utf8JsonReader reader, int index, OipLimits limits)
    {
        var field = $"inputs[{index}]";
        Expect(ref reader, JsonTokenType.StartObject, $"{field} must be an object");
        var input = new InputDraft(field);
        var seen = 0;
        var hasData = false;
        var deferred = default(Utf8JsonReader);
        var isDeferred = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.ValueTextEquals("name"u8))
            {
                Once(ref seen, 1, $"{field}.name");
                reader.Read();
                input.Name = ReadName(ref reader, $"{field}.name", limits);
            }
            else if (reader.ValueTextEquals("shape"u8))
            {
                Once(ref seen, 2, $"{field}.shape");
                reader.Read();
                input.Shape = ReadShape(ref reader, $"{field}.shape", limits);
            }
            else if (reader.ValueTextEquals("datatype"u8))
            {
                Once(ref seen, 4, $"{field}.datatype");
                reader.Read();
                input.Datatype = ReadDatatype(ref reader, $"{field}.datatype");
            }
            else if (reader.ValueTextEquals("parameters"u8))
            {
                Once(ref seen, 8, $"{field}.parameters");
                reader.Read();
                input.Parameters = OipParameters.Read(ref reader, $"{field}.parameters");
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                Once(ref seen, 16, $"{field}.data");
                reader.Read();
                Expect(ref reader, JsonTokenType.StartArray, $"{field}.data must be an array");
                hasData = true;
                if (input.Shape is not null && input.Datatype is not null)
                {
                    input.Values = ReadData(ref reader, input, limits);
                }
                else
                {
                    // JSON objects are unordered: when data comes before shape or datatype, keep a copy of
                    // the reader (a struct over the same bytes) and convert the data once both are known.
                    deferred = reader;
                    isDeferred = true;
                    reader.Skip();
                }
            }
            else
            {
                reader.Skip();
            }
        }

        if (input.Name is null)
        {
            throw new OipRequestException($"{field} needs a name");
        }

        if (input.Shape is null)
        {
            throw new OipRequestException($"{field} needs a shape");
        }

        if (input.Datatype is null)
        {
            throw new OipRequestException($"{field} needs a datatype");
        }

        input.Elements = Elements(input.Shape, field, limits);
        if (isDeferred)
        {
            input.Values = ReadData(ref deferred, input, limits);
        }

        var binarySize = input.Parameters.TryGetValue("binary_data_size", out var size) ? size : (JsonElement?)null;
        if (hasData && binarySize is not null)
        {
            throw new OipRequestException($"{field} has both data and parameters.binary_data_size");
        }

        if (binarySize is { } declared)
        {
            if (declared.ValueKind != JsonValueKind.Number || !declared.TryGetInt64(out var bytes) || bytes < 0)
            {
                throw new OipRequestException($"{field}.parameters.binary_data_size must be a non-negative integer");
            }

            input.BinarySize = bytes;
        }
        else if (!hasData)
        {
            throw new OipRequestException($"{field} needs data or parameters.binary_data_size");
        }

        return input;
    }

    private static OutputDraft ReadOutput(ref Utf8JsonReader reader, int index, OipLimits limits)
    {
        var field = $"outputs[{index}]";
        Expect(ref reader, JsonTokenType.StartObject, $"{field} must be an object");
        var seen = 0;
        string? name = null;
        var parameters = OipParameters.Empty;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.ValueTextEquals("name"u8))
            {
                Once(ref seen, 1, $"{field}.name");
                reader.Read();
                name = ReadName(ref reader, $"{field}.name", limits);
            }
            else if (reader.ValueTextEquals("parameters"u8))
            {
                Once(ref seen, 2, $"{field}.parameters");
                reader.Read();
                parameters = OipParameters.Read(ref reader, $"{field}.parameters");
            }
            else
            {
                reader.Skip();
            }
        }

        if (name is null)
        {
            throw new OipRequestException($"{field} needs a name");
        }

        int? classification = null;
        if (parameters.TryGetValue("classification", out var count))
        {
            classification = count.ValueKind == JsonValueKind.Number && count.TryGetInt32(out var top) && top >= 1
                ? top
                : throw new OipRequestException($"{field}.parameters.classification must be an integer >= 1");
        }

        return new OutputDraft(name, parameters, OipParameters.Boolean(parameters, "binary_data", $"{field}.parameters"), classification);
    }

    private static string ReadName(ref Utf8JsonReader reader, string field, OipLimits limits)
    {
        var name = ReadString(ref reader, field);
        if (name.Length == 0)
        {
            throw new OipRequestException($"{field} must not be empty");
        }

        return name.Length <= limits.MaxNameLength
            ? name
            : throw new OipRequestException($"{field} is longer than {limits.MaxNameLength} characters");
    }

    private static long[] ReadShape(ref Utf8JsonReader reader, string field, OipLimits limits)
    {
        Expect(ref reader, JsonTokenType.StartArray, $"{field} must be an array of non-negative integers");
        var dims = new List<long>(4);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var dim) || dim < 0)
            {
                throw new OipRequestException($"{field}[{dims.Count}] must be a non-negative integer");
            }

            if (dims.Count == limits.MaxRank)
            {
                throw new OipRequestException($"{field} has more than {limits.MaxRank} dimensions");
            }

            dims.Add(dim);
        }

        return [.. dims];
    }

    private static OipDatatype ReadDatatype(ref Utf8JsonReader reader, string field)
    {
        var text = ReadString(ref reader, field);
        return OipDatatypes.TryParse(text, out var type)
            ? type
            : throw new OipRequestException($"{field} \"{text}\" is not one of {string.Join(", ", OipDatatypes.All)}");
    }

    /// <summary>The product of the dimensions, refused when it passes the limit (checked before it can overflow).</summary>
    private static int Elements(long[] shape, string field, OipLimits limits)
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
                throw new OipRequestException($"{field}.shape {Format(shape)} has more than {max} elements");
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
    private static float[] ReadData(ref Utf8JsonReader reader, InputDraft input, OipLimits limits)
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
            throw new OipRequestException($"{input.Field}.data has {count} elements; shape {Format(input.Shape!)} needs {expected}");
        }

        return values;
    }

    private static float Element(ref Utf8JsonReader reader, OipDatatype type, string field, long index)
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
                throw new OipRequestException($"{field}.data[{index}] must be a number for {OipDatatypes.Name(type)}, not {Describe(token)}");
            case OipDatatype.Bool:
                return token switch
                {
                    JsonTokenType.True => 1f,
                    JsonTokenType.False => 0f,
                    _ => throw new OipRequestException($"{field}.data[{index}] must be true or false for BOOL, not {Describe(token)}"),
                };
            case OipDatatype.Bytes:
                return token == JsonTokenType.String
                    ? 0f
                    : throw new OipRequestException($"{field}.data[{index}] must be a string for BYTES, not {Describe(token)}");
            default:
                return Integer(ref reader, type, field, index);
        }
    }

    private static float Integer(ref Utf8JsonReader reader, OipDatatype type, string field, long index)
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

        var got = reader.TokenType == JsonTokenType.Number ? Encoding.UTF8.GetString(reader.ValueSpan) : Describe(reader.TokenType);
        throw new OipRequestException($"{field}.data[{index}] must be an integer in [{min}, {max}] for {OipDatatypes.Name(type)}, not {got}");
    }

    private static float NamedFloat(ref Utf8JsonReader reader, OipDatatype type, string field, long index)
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

    /// <summary>Checks what only the whole request shows (binary section, output flags) and builds the result.</summary>
    private static OipInferRequest Complete(RequestDraft draft, ReadOnlySpan<byte> binary, bool hasHeaderLength)
    {
        var offset = 0;
        var inputs = new OipInput[draft.Inputs.Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            var input = draft.Inputs[i];
            var type = input.Datatype!.Value;
            if (input.BinarySize is { } size)
            {
                if (!hasHeaderLength)
                {
                    throw new OipRequestException($"{input.Field} has parameters.binary_data_size but the request has no Inference-Header-Content-Length header");
                }

                if (size > binary.Length - offset)
                {
                    throw new OipRequestException($"{input.Field} needs {size} bytes of binary data but only {binary.Length - offset} remain");
                }

                var bytes = binary.Slice(offset, (int)size);
                offset += (int)size;
                input.Values = type == OipDatatype.Bytes ? CheckBinaryStrings(bytes, input) : ReadBinary(bytes, input, type);
            }

            if (type == OipDatatype.Bytes)
            {
                throw new OipRequestException($"{input.Field} \"{input.Name}\" is BYTES; BYTES inputs are not supported by this model");
            }

            inputs[i] = new OipInput(input.Name!, input.Shape!, type, input.Values!, input.Parameters);
        }

        if (offset != binary.Length)
        {
            throw new OipRequestException($"the binary section has {binary.Length - offset} bytes after the last binary input");
        }

        var binaryDataOutput = OipParameters.Boolean(draft.Parameters, "binary_data_output", "parameters") ?? false;
        var outputs = draft.Outputs
            .Select(o => new OipRequestedOutput(o.Name, o.Parameters, o.Binary ?? binaryDataOutput, o.Classification))
            .ToArray();
        return new OipInferRequest(draft.Id, inputs, outputs, draft.Parameters, binaryDataOutput);
    }

    private static float[] ReadBinary(ReadOnlySpan<byte> bytes, InputDraft input, OipDatatype type)
    {
        var width = OipDatatypes.ByteSize(type);
        if (bytes.Length != (long)input.Elements * width)
        {
            throw new OipRequestException(
                $"{input.Field}.parameters.binary_data_size is {bytes.Length}; shape {Format(input.Shape!)} of {OipDatatypes.Name(type)} needs {(long)input.Elements * width} bytes");
        }

        var values = new float[input.Elements];
        if (type == OipDatatype.Fp32 && BitConverter.IsLittleEndian)
        {
            MemoryMarshal.Cast<byte, float>(bytes).CopyTo(values);
            return values;
        }

        for (var i = 0; i < values.Length; i++)
        {
            var element = bytes.Slice(i * width, width);
            values[i] = type switch
            {
                OipDatatype.Bool => element[0] <= 1
                    ? element[0]
                    : throw new OipRequestException($"{input.Field} binary element {i} is {element[0]}; BOOL must be 0 or 1"),
                OipDatatype.Uint8 => element[0],
                OipDatatype.Int8 => (sbyte)element[0],
                OipDatatype.Uint16 => BinaryPrimitives.ReadUInt16LittleEndian(element),
                OipDatatype.Int16 => BinaryPrimitives.ReadInt16LittleEndian(element),
                OipDatatype.Uint32 => BinaryPrimitives.ReadUInt32LittleEndian(element),
                OipDatatype.Int32 => BinaryPrimitives.ReadInt32LittleEndian(element),
                OipDatatype.Uint64 => BinaryPrimitives.ReadUInt64LittleEndian(element),
                OipDatatype.Int64 => BinaryPrimitives.ReadInt64LittleEndian(element),
                OipDatatype.Fp16 => (float)BinaryPrimitives.ReadHalfLittleEndian(element),
                OipDatatype.Fp32 => BinaryPrimitives.ReadSingleLittleEndian(element),
                OipDatatype.Fp64 => (float)BinaryPrimitives.ReadDoubleLittleEndian(element),
                _ => throw new InvalidOperationException($"Unexpected datatype {type}."),
            };
        }

        return values;
    }

    /// <summary>Walks binary BYTES elements (a 4-byte little-endian length, then the bytes) to check their count and framing.</summary>
    private static float[] CheckBinaryStrings(ReadOnlySpan<byte> bytes, InputDraft input)
    {
        var count = 0L;
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (bytes.Length - offset < 4)
            {
                throw new OipRequestException($"{input.Field} binary element {count} is cut short in its length prefix");
            }

            var length = BinaryPrimitives.ReadUInt32LittleEndian(bytes[offset..]);
            offset += 4;
            if (length > (uint)(bytes.Length - offset))
            {
                throw new OipRequestException($"{input.Field} binary element {count} declares {length} bytes but only {bytes.Length - offset} remain");
            }

            offset += (int)length;
            count++;
        }

        return count == input.Elements
            ? []
            : throw new OipRequestException($"{input.Field} has {count} binary BYTES elements; shape {Format(input.Shape!)} needs {input.Elements}");
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token, string message)
    {
        if (reader.TokenType != token)
        {
            throw new OipRequestException(message);
        }
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        _ => token.ToString(),
    };

    internal static string Format(long[] shape) => $"[{string.Join(',', shape)}]";

    /// <summary>
    /// Marks a known property as seen. Each may appear once: with a repeat, two readers of the same body
    /// (say a proxy and this server) could each take a different value and see different requests.
    /// </summary>
    private static void Once(ref int seen, int bit, string field)
    {
        if ((seen & bit) != 0)
        {
            throw new OipRequestException($"{field} appears more than once");
        }

        seen |= bit;
    }

    private static string ReadString(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new OipRequestException($"{field} must be a string");
        }

        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            // GetString is where invalid UTF-8 inside a string surfaces.
            throw new OipRequestException($"{field} is not valid UTF-8 text", e);
        }
    }
}
