namespace OrleansAI.Protocol;

/// <summary>
/// Provider identities are Ethereum addresses. One canonical spelling (0x + 40 lower-case hex)
/// keys grains, blobs and signatures, so a checksummed and a lower-case form never name two providers.
/// </summary>
public static class ProviderAddress
{
    /// <summary>Whether <paramref name="value"/> is a 20-byte hex address with its 0x prefix (any case).</summary>
    public static bool IsValid(string? value) =>
        value is { Length: 42 } && value[0] == '0' && value[1] is 'x' or 'X' && value.AsSpan(2).ContainsAnyExcept(HexDigits) is false;

    /// <summary>The canonical (lower-case) form; throws <see cref="ArgumentException"/> for anything that is not an address.</summary>
    public static string Normalize(string? value) =>
        IsValid(value) ? "0x" + value![2..].ToLowerInvariant() : throw new ArgumentException($"'{value}' is not an Ethereum address (0x followed by 40 hex digits).", nameof(value));

    private static readonly System.Buffers.SearchValues<char> HexDigits =
        System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");
}
