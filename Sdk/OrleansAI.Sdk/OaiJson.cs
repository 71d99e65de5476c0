namespace OrleansAI.Sdk;

/// <summary>The JSON conventions of the OrleansAI HTTP API, shared by the server and this client.</summary>
public static class OaiJson
{
    /// <summary>Web defaults (camelCase, case-insensitive reads) with enums as camelCase strings.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Applies the API's conventions to <paramref name="options"/> (the server configures its own options with this).</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };
        Apply(options);
        options.MakeReadOnly();
        return options;
    }
}
