using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace OrleansAI.Sdk.Inference;

/// <summary>
/// The Open Inference Protocol's binary tensor extension: a JSON header of
/// <c>Inference-Header-Content-Length</c> bytes followed by each tensor's raw little-endian values.
/// </summary>
internal static class BinaryTensors
{
    /// <summary>The request body: the header (inputs carry <c>binary_data_size</c>, outputs are asked for as binary) and the inputs' bytes.</summary>
    public static ByteArrayContent Encode(InferenceRequest request)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The binary tensor extension is little-endian; this machine is not.");
        }

        var inputs = new JsonArray();
        var payloads = new List<byte[]>();
        foreach (var input in request.Inputs)
        {
            var bytes = Bytes(input);
            payloads.Add(bytes);
            inputs.Add(new JsonObject
            {
                ["name"] = input.Name,
                ["shape"] = new JsonArray([.. input.Shape.Select(d => (JsonNode)d)]),
                ["datatype"] = input.Datatype,
                ["parameters"] = new JsonObject { ["binary_data_size"] = bytes.Length },
            });
        }

        var parameters = new JsonObject { ["binary_data_output"] = true };
        foreach (var (key, value) in request.Parameters ?? new Dictionary<string, object>())
        {
            parameters[key] = JsonSerializer.SerializeToNode(value, OaiJson.Options);
        }

        var header = new JsonObject { ["inputs"] = inputs, ["parameters"] = parameters };
        if (request.Id is { } id)
        {
            header["id"] = id;
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(header, OaiJson.Options);
        var body = new byte[json.Length + payloads.Sum(p => p.Length)];
        json.CopyTo(body, 0);
        var at = json.Length;
        foreach (var p in payloads)
        {
            p.CopyTo(body, at);
            at += p.Length;
        }

        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Headers.Add(InferenceHeaders.HeaderContentLength, json.Length.ToString(CultureInfo.InvariantCulture));
        return content;
    }

    /// <summary>The header length a response announces, if it does (a custom header: it may arrive with the content's headers).</summary>
    public static int? AnnouncedLength(HttpResponseMessage response)
    {
        var values = response.Headers.TryGetValues(InferenceHeaders.HeaderContentLength, out var h) ? h : response.Content.Headers.TryGetValues(InferenceHeaders.HeaderContentLength, out var c) ? c : null;
        return values?.FirstOrDefault() is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : null;
    }

    /// <summary>Reads a response that may carry binary outputs after its JSON header.</summary>
    public static InferenceResponse Decode(byte[] body, int? headerLength)
    {
        if (headerLength is not { } length)
        {
            return Deserialize(body) ?? throw new OaiApiException("The server answered with an empty body.");
        }

        if (length < 0 || length > body.Length)
        {
            throw new OaiApiException($"{InferenceHeaders.HeaderContentLength} {length} does not fit a body of {body.Length} bytes.");
        }

        var response = Deserialize(body.AsSpan(0, length)) ?? throw new OaiApiException("The server answered with an empty header.");
        var outputs = new List<InferenceOutput>();
        var at = length;
        foreach (var sent in response.Outputs ?? throw new OaiApiException("The server's answer has no outputs."))
        {
            var output = sent ?? throw new OaiApiException("The server's answer has a null output.");
            if (output.Parameters is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty("binary_data_size", out var size))
            {
                // A size that is not a whole number, or one that runs past the body, is the answer's fault; the
                // sum is taken in 64 bits so that a huge size cannot wrap around and pass the check.
                if (size.ValueKind != JsonValueKind.Number || !size.TryGetInt32(out var n) || n < 0 || (long)at + n > body.Length)
                {
                    throw new OaiApiException($"Output '{output.Name}' claims {size.GetRawText()} bytes beyond the body.");
                }

                output = output with { Binary = body.AsMemory(at, n) };
                at += n;
            }

            outputs.Add(output);
        }

        return response with { Outputs = outputs };
    }

    // The JSON of the answer is the server's (or a proxy's) bytes: malformed JSON is a refused call, as the SDK documents.
    private static InferenceResponse? Deserialize(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize<InferenceResponse>(json, OaiJson.Options);
        }
        catch (JsonException ex)
        {
            throw new OaiApiException($"The server's answer is not a valid inference response: {ex.Message}", ex);
        }
    }

    private static byte[] Bytes(InferenceInput input) => input.Data switch
    {
        float[] f => MemoryMarshal.AsBytes(f.AsSpan()).ToArray(),
        double[] d => MemoryMarshal.AsBytes(d.AsSpan()).ToArray(),
        long[] l => MemoryMarshal.AsBytes(l.AsSpan()).ToArray(),
        int[] i => MemoryMarshal.AsBytes(i.AsSpan()).ToArray(),
        byte[] b => (byte[])b.Clone(),
        _ => throw new ArgumentException($"Input '{input.Name}': binary data is sent for float, double, int, long or byte arrays, not {input.Data.GetType().Name}."),
    };
}
