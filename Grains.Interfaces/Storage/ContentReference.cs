namespace OrleansAI.Grains.Interfaces.Storage;

/// <summary>
/// A blob named by its content: the lower-case hex SHA-256 of its bytes and its length. Grain
/// messages carry these, never the bytes themselves.
/// </summary>
/// <param name="Sha256">Lower-case hex SHA-256 of the content.</param>
/// <param name="Length">Size in bytes.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.ContentReference")]
public sealed record ContentReference([property: Id(0)] string Sha256, [property: Id(1)] long Length)
{
    /// <summary>Whether <paramref name="value"/> has the form of a SHA-256 in lower-case hex.</summary>
    public static bool IsSha256(string? value) =>
        value is { Length: 64 } && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
