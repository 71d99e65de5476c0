namespace OrleansAI.Inference.Oip;

/// <summary>Small pieces every Open Inference Protocol JSON reader shares: token checks, field-once rules, strings, shapes in messages.</summary>
internal static class OipJson
{
    internal static void Expect(ref Utf8JsonReader reader, JsonTokenType token, string message)
    {
        if (reader.TokenType != token)
        {
            throw new OipRequestException(message);
        }
    }

    internal static string Describe(JsonTokenType token) => token switch
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
    internal static void Once(ref int seen, int bit, string field)
    {
        if ((seen & bit) != 0)
        {
            throw new OipRequestException($"{field} appears more than once");
        }

        seen |= bit;
    }

    internal static string ReadString(ref Utf8JsonReader reader, string field)
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
