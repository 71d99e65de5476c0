using System.Buffers;

namespace OrleansAI.Api.Inference;

/// <summary>Writes the Open Inference Protocol's small JSON bodies (errors, health, metadata).</summary>
public static class OipJson
{
    /// <summary>The platform name the metadata reports.</summary>
    public const string Platform = "onnxruntime_onnx";

    /// <summary>Writes <c>{"error": message}</c> with <paramref name="status"/>.</summary>
    public static Task ErrorAsync(HttpContext http, int status, string message)
    {
        ArgumentNullException.ThrowIfNull(http);
        var buffer = new ArrayBufferWriter<byte>(256);
        OipResponseWriter.WriteError(buffer, message);
        return WriteAsync(http, status, buffer);
    }

    /// <summary>Writes an object built by <paramref name="build"/> with <paramref name="status"/>.</summary>
    public static Task ObjectAsync(HttpContext http, int status, Action<Utf8JsonWriter> build)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(build);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            build(json);
            json.WriteEndObject();
        }

        return WriteAsync(http, status, buffer);
    }

    /// <summary>Writes model metadata: name, versions, platform, inputs and outputs.</summary>
    public static void Metadata(Utf8JsonWriter json, ServedModel model)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(model);
        json.WriteString("name", model.Name);
        json.WriteStartArray("versions");
        foreach (var v in model.Versions)
        {
            json.WriteStringValue(v.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        json.WriteEndArray();
        json.WriteString("platform", Platform);
        json.WriteStartArray("inputs");
        Tensor(json, model.InputName, OipDatatype.Fp32, [-1, .. model.RowShape]);
        json.WriteEndArray();
        json.WriteStartArray("outputs");
        Tensor(json, model.OutputName, OipDatatype.Fp32, [-1, model.OutputWidth]);
        Tensor(json, InferenceOutputs.Label, OipDatatype.Int64, [-1]);
        json.WriteEndArray();
    }

    private static void Tensor(Utf8JsonWriter json, string name, OipDatatype type, long[] shape)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("datatype", OipDatatypes.Name(type));
        json.WriteStartArray("shape");
        foreach (var d in shape)
        {
            json.WriteNumberValue(d);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static async Task WriteAsync(HttpContext http, int status, ArrayBufferWriter<byte> buffer)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        http.Response.ContentLength = buffer.WrittenCount;
        await http.Response.Body.WriteAsync(buffer.WrittenMemory, http.RequestAborted);
    }
}
