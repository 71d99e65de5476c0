using System.Text;
using System.Text.Json;

namespace OrleansAI.Models.Specs;

/// <summary>
/// Reads and writes specs as JSON. Reading is strict — unknown layer types, unknown fields, wrong
/// types and oversize documents are errors naming the place — because specs come from clients.
/// </summary>
/// <example>
/// <code>
/// {"name":"mlp","inputShape":[784],"classes":10,
///  "layers":[{"type":"linear","outFeatures":128},{"type":"relu"},{"type":"linear","outFeatures":10}]}
/// </code>
/// </example>
public static class ModelSpecJson
{
    /// <summary>The layer types a spec may use.</summary>
    public static IReadOnlyList<string> LayerTypes { get; } =
        ["linear", "conv2d", "maxpool2d", "avgpool2d", "flatten", "relu", "gelu", "dropout", "batchnorm1d", "batchnorm2d", "softmax"];

    /// <summary>Parses and validates a spec; throws <see cref="ModelSpecException"/> naming every problem.</summary>
    public static ModelPlan ParseAndPlan(string json, ModelSpecLimits? limits = null) =>
        ModelPlanner.Plan(Parse(json, limits), limits);

    /// <summary>Parses a spec without checking shapes; throws <see cref="ModelSpecException"/> on malformed input.</summary>
    public static ModelSpec Parse(string json, ModelSpecLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        limits ??= ModelSpecLimits.Default;
        if (Encoding.UTF8.GetByteCount(json) > limits.MaxJsonBytes)
        {
            throw new ModelSpecException($"the document is larger than {limits.MaxJsonBytes} bytes");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException ex)
        {
            throw new ModelSpecException($"not valid JSON: {ex.Message}", ex);
        }
        catch (ArgumentException ex)
        {
            // A .NET string may hold an unpaired surrogate, which has no UTF-8 form for the reader.
            throw new ModelSpecException($"not valid text (an unpaired surrogate): {ex.Message}", ex);
        }

        using (document)
        {
            var errors = new List<SpecError>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ModelSpecException("the document must be a JSON object");
            }

            CheckText(root);

            var reader = new FieldReader(root, "spec", errors);
            var name = reader.String("name", required: true) ?? "";
            var input = reader.IntArray("inputShape", maxLength: 3) ?? [];
            var classes = reader.Int("classes", required: true) ?? 0;
            var layers = new List<LayerSpec>();
            if (reader.Array("layers") is { } array)
            {
                var index = 0;
                foreach (var element in array.EnumerateArray())
                {
                    if (index >= limits.MaxLayers)
                    {
                        errors.Add(new("layers", $"must hold at most {limits.MaxLayers} layers"));
                        break;
                    }

                    if (ParseLayer(element, index, errors) is { } layer)
                    {
                        layers.Add(layer);
                    }

                    index++;
                }
            }

            reader.RejectUnknown("name", "inputShape", "classes", "layers");
            if (errors.Count > 0)
            {
                throw new ModelSpecException(errors);
            }

            return new ModelSpec(name, input, classes, layers);
        }
    }

    /// <summary>Writes a spec as compact JSON that <see cref="Parse"/> reads back to an equal spec.</summary>
    public static string Serialize(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("name", spec.Name);
            writer.WriteStartArray("inputShape");
            foreach (var d in spec.InputShape)
            {
                writer.WriteNumberValue(d);
            }

            writer.WriteEndArray();
            writer.WriteNumber("classes", spec.Classes);
            writer.WriteStartArray("layers");
            foreach (var layer in spec.Layers)
            {
                WriteLayer(writer, layer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    // Valid JSON may escape an unpaired surrogate ("\ud800"), which fails as an InvalidOperationException
    // wherever that name or string is first read; every text is read once here so none fails later.
    private static void CheckText(JsonElement element)
    {
        try
        {
            Shared.JsonTextReads.ReadAll(element);
        }
        catch (InvalidOperationException ex)
        {
            throw new ModelSpecException($"a name or string escapes an unpaired surrogate: {ex.Message}", ex);
        }
    }

    private static LayerSpec? ParseLayer(JsonElement element, int index, List<SpecError> errors)
    {
        var path = $"layers[{index}]";
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(path, "must be an object with a \"type\""));
            return null;
        }

        var type = element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : null;
        if (type is null)
        {
            errors.Add(new(path, "needs a string \"type\""));
            return null;
        }

        var r = new FieldReader(element, $"{path} ({type})", errors);
        LayerSpec? layer = type switch
        {
            "linear" => new LinearSpec(r.Int("outFeatures", required: true) ?? 0, r.Bool("bias") ?? true),
            "conv2d" => new Conv2dSpec(
                r.Int("outChannels", required: true) ?? 0,
                r.Int("kernelSize", required: true) ?? 0,
                r.Int("stride") ?? 1,
                r.Int("padding") ?? 0,
                r.Bool("bias") ?? true),
            "maxpool2d" => new MaxPool2dSpec(r.Int("kernelSize", required: true) ?? 0, r.Int("stride"), r.Int("padding") ?? 0),
            "avgpool2d" => new AvgPool2dSpec(r.Int("kernelSize", required: true) ?? 0, r.Int("stride"), r.Int("padding") ?? 0),
            "flatten" => new FlattenSpec(),
            "relu" => new ReluSpec(),
            "gelu" => new GeluSpec(),
            "softmax" => new SoftmaxSpec(),
            "dropout" => new DropoutSpec(r.Double("p") ?? 0.5),
            "batchnorm1d" => new BatchNorm1dSpec(r.Double("eps") ?? 1e-5, r.Double("momentum") ?? 0.1),
            "batchnorm2d" => new BatchNorm2dSpec(r.Double("eps") ?? 1e-5, r.Double("momentum") ?? 0.1),
            _ => null,
        };
        if (layer is null)
        {
            errors.Add(new(path, $"unknown layer type '{type}'; known types: {string.Join(", ", LayerTypes)}"));
            return null;
        }

        r.RejectUnknown(layer switch
        {
            LinearSpec => ["type", "outFeatures", "bias"],
            Conv2dSpec => ["type", "outChannels", "kernelSize", "stride", "padding", "bias"],
            MaxPool2dSpec or AvgPool2dSpec => ["type", "kernelSize", "stride", "padding"],
            DropoutSpec => ["type", "p"],
            BatchNormSpec => ["type", "eps", "momentum"],
            _ => ["type"],
        });
        return layer;
    }

    private static void WriteLayer(Utf8JsonWriter w, LayerSpec layer)
    {
        w.WriteStartObject();
        w.WriteString("type", layer.Kind);
        switch (layer)
        {
            case LinearSpec l:
                w.WriteNumber("outFeatures", l.OutFeatures);
                w.WriteBoolean("bias", l.Bias);
                break;
            case Conv2dSpec c:
                w.WriteNumber("outChannels", c.OutChannels);
                w.WriteNumber("kernelSize", c.KernelSize);
                w.WriteNumber("stride", c.Stride);
                w.WriteNumber("padding", c.Padding);
                w.WriteBoolean("bias", c.Bias);
                break;
            case MaxPool2dSpec m:
                WritePool(w, m.KernelSize, m.Stride, m.Padding);
                break;
            case AvgPool2dSpec a:
                WritePool(w, a.KernelSize, a.Stride, a.Padding);
                break;
            case DropoutSpec d:
                w.WriteNumber("p", d.P);
                break;
            case BatchNormSpec b:
                w.WriteNumber("eps", b.Eps);
                w.WriteNumber("momentum", b.Momentum);
                break;
        }

        w.WriteEndObject();
    }

    private static void WritePool(Utf8JsonWriter w, int kernel, int? stride, int padding)
    {
        w.WriteNumber("kernelSize", kernel);
        if (stride is { } s)
        {
            w.WriteNumber("stride", s);
        }

        w.WriteNumber("padding", padding);
    }

    /// <summary>Reads typed fields of one object, recording errors against its path.</summary>
    private sealed class FieldReader(JsonElement element, string path, List<SpecError> errors)
    {
        public string? String(string name, bool required = false)
        {
            if (!Find(name, required, out var value))
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }

            errors.Add(new(path, $"'{name}' must be a string"));
            return null;
        }

        public int? Int(string name, bool required = false)
        {
            if (!Find(name, required, out var value))
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
            {
                return number;
            }

            errors.Add(new(path, $"'{name}' must be a whole number (got {value.GetRawText()})"));
            return null;
        }

        public double? Double(string name)
        {
            if (!Find(name, required: false, out var value))
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number))
            {
                return number;
            }

            errors.Add(new(path, $"'{name}' must be a number (got {value.GetRawText()})"));
            return null;
        }

        public bool? Bool(string name)
        {
            if (!Find(name, required: false, out var value))
            {
                return null;
            }

            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return value.GetBoolean();
            }

            errors.Add(new(path, $"'{name}' must be true or false"));
            return null;
        }

        public JsonElement? Array(string name)
        {
            if (!Find(name, required: true, out var value))
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Array)
            {
                return value;
            }

            errors.Add(new(path, $"'{name}' must be an array"));
            return null;
        }

        public int[]? IntArray(string name, int maxLength)
        {
            if (Array(name) is not { } array)
            {
                return null;
            }

            var values = new List<int>();
            foreach (var item in array.EnumerateArray())
            {
                if (values.Count == maxLength || item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out var number))
                {
                    errors.Add(new(path, $"'{name}' must be an array of at most {maxLength} whole numbers"));
                    return null;
                }

                values.Add(number);
            }

            return [.. values];
        }

        public void RejectUnknown(params string[] known)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (!known.Contains(property.Name, StringComparer.Ordinal))
                {
                    errors.Add(new(path, $"unknown field '{property.Name}'"));
                }
            }
        }

        private bool Find(string name, bool required, out JsonElement value)
        {
            if (element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
            {
                return true;
            }

            if (required)
            {
                errors.Add(new(path, $"'{name}' is required"));
            }

            return false;
        }
    }
}
