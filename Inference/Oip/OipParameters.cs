using System.Collections.ObjectModel;

namespace OrleansAI.Inference.Oip;

/// <summary>Reading of the small "parameters" objects, kept as JsonElement values since their contents are open-ended.</summary>
internal static class OipParameters
{
    public static IReadOnlyDictionary<string, JsonElement> Empty => ReadOnlyDictionary<string, JsonElement>.Empty;

    /// <summary>Reads the object the reader stands on; <paramref name="field"/> names it in errors.</summary>
    public static IReadOnlyDictionary<string, JsonElement> Read(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new OipRequestException($"{field} must be an object");
        }

        // ParseValue copies the object into its own document, so the elements outlive the body buffer.
        var element = JsonElement.ParseValue(ref reader);

        // The reader checks the JSON's structure but not the UTF-8 (or escaped UTF-16) inside its strings;
        // that surfaces as an InvalidOperationException wherever a name or value is first turned into a
        // string. Every text in the object is read once here, so none can fail later as a 500.
        CheckText(element, field);
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!result.TryAdd(property.Name, property.Value))
            {
                throw new OipRequestException($"{field} has \"{property.Name}\" more than once");
            }
        }

        return result.Count == 0 ? Empty : result;
    }

    /// <summary>A boolean parameter, or null when absent.</summary>
    public static bool? Boolean(IReadOnlyDictionary<string, JsonElement> parameters, string name, string field) =>
        !parameters.TryGetValue(name, out var value) ? null : value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new OipRequestException($"{field}.{name} must be true or false"),
        };

    private static void CheckText(JsonElement element, string field)
    {
        try
        {
            Shared.JsonTextReads.ReadAll(element);
        }
        catch (InvalidOperationException e)
        {
            throw new OipRequestException($"{field} holds text that is not valid UTF-8", e);
        }
    }
}
