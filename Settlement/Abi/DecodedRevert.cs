namespace OrleansAI.Settlement.Abi;

/// <summary>
/// The revert data of a failed call or transaction, decoded against the platform contracts' ABIs.
/// </summary>
/// <param name="Data">The raw revert data (hex, <c>0x</c> prefix; <c>0x</c> when the revert carried none).</param>
/// <param name="Name">
/// The custom error's name (<c>TaskAlreadyPaid</c>, <c>AccessControlUnauthorizedAccount</c>, …),
/// <c>Error</c> for <c>revert("…")</c>/<c>require</c>, <c>Panic</c> for assertion and arithmetic
/// failures, or null when the selector is not in any embedded ABI.
/// </param>
/// <param name="Arguments">The decoded arguments (empty when unknown or none).</param>
/// <param name="Reason">Human text for <c>Error(string)</c> and <c>Panic(uint256)</c>; null otherwise.</param>
public sealed record DecodedRevert(string Data, string? Name, IReadOnlyList<RevertArgument> Arguments, string? Reason)
{
    /// <summary>The 4-byte selector (<c>0x</c> + 8 hex digits), or null when the data is shorter.</summary>
    public string? Selector => Data.Length >= 10 ? Data[..10] : null;

    /// <summary>
    /// <c>Name(arg=value, …)</c>, the reason text for <c>Error</c>/<c>Panic</c>, or the raw data when
    /// nothing could be decoded.
    /// </summary>
    public override string ToString() =>
        Name switch
        {
            null when Selector is null => "revert without data",
            null => $"unknown error {Selector} (data {Data})",
            "Error" or "Panic" => $"{Name}: {Reason}",
            _ => $"{Name}({string.Join(", ", Arguments)})",
        };
}
