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
                OipJson.Once(ref seen, 1, "id");
                reader.Read();
                draft.Id = OipJson.ReadString(ref reader, "id");
            }
            else if (reader.ValueTextEquals("inputs"u8))
            {
                OipJson.Once(ref seen, 2, "inputs");
                reader.Read();
                OipJson.Expect(ref reader, JsonTokenType.StartArray, "inputs must be an array");
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
                OipJson.Once(ref seen, 4, "outputs");
                reader.Read();
                OipJson.Expect(ref reader, JsonTokenType.StartArray, "outputs must be an array");
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
                OipJson.Once(ref seen, 8, "parameters");
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
        OipJson.Expect(ref reader, JsonTokenType.StartObject, $"{field} must be an object");
        var input = new InputDraft(field);
        var seen = 0;
        var hasData = false;
        var deferred = default(Utf8JsonReader);
        var isDeferred = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.ValueTextEquals("name"u8))
            {
                OipJson.Once(ref seen, 1, $"{field}.name");
                reader.Read();
                input.Name = ReadName(ref reader, $"{field}.name", limits);
            }
            else if (reader.ValueTextEquals("shape"u8))
            {
                OipJson.Once(ref seen, 2, $"{field}.shape");
                reader.Read();
                input.Shape = ReadShape(ref reader, $"{field}.shape", limits);
            }
            else if (reader.ValueTextEquals("datatype"u8))
            {
                OipJson.Once(ref seen, 4, $"{field}.datatype");
                reader.Read();
                input.Datatype = ReadDatatype(ref reader, $"{field}.datatype");
            }
            else if (reader.ValueTextEquals("parameters"u8))
            {
                OipJson.Once(ref seen, 8, $"{field}.parameters");
                reader.Read();
                input.Parameters = OipParameters.Read(ref reader, $"{field}.parameters");
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                OipJson.Once(ref seen, 16, $"{field}.data");
                reader.Read();
                OipJson.Expect(ref reader, JsonTokenType.StartArray, $"{field}.data must be an array");
                hasData = true;
                if (input.Shape is not null && input.Datatype is not null)
                {
                    input.Values = OipTensorData.ReadData(ref reader, input, limits);
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

        input.Elements = OipTensorData.Elements(input.Shape, field, limits);
        if (isDeferred)
        {
            input.Values = OipTensorData.ReadData(ref deferred, input, limits);
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
        OipJson.Expect(ref reader, JsonTokenType.StartObject, $"{field} must be an object");
        var seen = 0;
        string? name = null;
        var parameters = OipParameters.Empty;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.ValueTextEquals("name"u8))
            {
                OipJson.Once(ref seen, 1, $"{field}.name");
                reader.Read();
                name = ReadName(ref reader, $"{field}.name", limits);
            }
            else if (reader.ValueTextEquals("parameters"u8))
            {
                OipJson.Once(ref seen, 2, $"{field}.parameters");
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
        var name = OipJson.ReadString(ref reader, field);
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
        OipJson.Expect(ref reader, JsonTokenType.StartArray, $"{field} must be an array of non-negative integers");
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
        var text = OipJson.ReadString(ref reader, field);
        return OipDatatypes.TryParse(text, out var type)
            ? type
            : throw new OipRequestException($"{field} \"{text}\" is not one of {string.Join(", ", OipDatatypes.All)}");
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
                input.Values = type == OipDatatype.Bytes ? OipBinaryInputs.CheckBinaryStrings(bytes, input) : OipBinaryInputs.ReadBinary(bytes, input, type);
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

}
