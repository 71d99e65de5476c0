using System.Text.Json;

namespace OrleansAI.Shared;

/// <summary>
/// Reads every property name and string of a JSON element once. Valid JSON may escape an unpaired
/// surrogate (<c>"\ud800"</c>) or, read from raw bytes, hold text that is not UTF-8; either fails as
/// an <see cref="InvalidOperationException"/> wherever it is first read, so parsers of untrusted
/// JSON read it all here and turn that failure into their own refusal. Linked into the leaf
/// assemblies that need it (they share no project to hold it).
/// </summary>
internal static class JsonTextReads
{
    /// <summary>Reads all the text in <paramref name="element"/>; throws <see cref="InvalidOperationException"/> on text that cannot be read.</summary>
    public static void ReadAll(JsonElement element)
    {
        // Depth is bounded by the reader's MaxDepth, so the recursion is too.
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    ReadAll(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    ReadAll(item);
                }

                break;
            case JsonValueKind.String:
                _ = element.GetString();
                break;
        }
    }
}
