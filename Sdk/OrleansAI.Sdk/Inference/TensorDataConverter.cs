namespace OrleansAI.Sdk.Inference;

/// <summary>
/// Writes a tensor's values straight from its typed array: serialised as a plain <see cref="Array"/>
/// every element would be boxed, which made JSON requests the slowest part of a 64-row call.
/// Reads numbers back as doubles.
/// </summary>
internal sealed class TensorDataConverter : JsonConverter<Array>
{
    public override Array Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var values = new List<double>();
        Flatten(ref reader, values);
        return values.ToArray();
    }

    public override void Write(Utf8JsonWriter writer, Array value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        switch (value)
        {
            case float[] f:
                foreach (var x in f)
                {
                    writer.WriteNumberValue(x);
                }

                break;
            case double[] d:
                foreach (var x in d)
                {
                    writer.WriteNumberValue(x);
                }

                break;
            case long[] l:
                foreach (var x in l)
                {
                    writer.WriteNumberValue(x);
                }

                break;
            case int[] i:
                foreach (var x in i)
                {
                    writer.WriteNumberValue(x);
                }

                break;
            case byte[] b:
                foreach (var x in b)
                {
                    writer.WriteNumberValue(x);
                }

                break;
            default:
                foreach (var x in value)
                {
                    JsonSerializer.Serialize(writer, x, options);
                }

                break;
        }

        writer.WriteEndArray();
    }

    private static void Flatten(ref Utf8JsonReader reader, List<double> values)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            values.Add(reader.GetDouble());
            return;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Flatten(ref reader, values);
        }
    }
}
