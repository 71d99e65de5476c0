using Nethereum.Util;

namespace OrleansAI.Settlement;

/// <summary>Helpers for 20-byte addresses as the settlement code keys them.</summary>
/// <remarks>
/// Nodes return addresses in lower case, Nethereum's signer in EIP-55 mixed case; mirrors and
/// payout queues key by address, so everything is compared in one canonical (lower-case) form.
/// </remarks>
public static class EthAddresses
{
    /// <summary>The zero address (an "unset" value for the contracts, e.g. the treasury as slash beneficiary).</summary>
    public const string Zero = "0x0000000000000000000000000000000000000000";

    /// <summary>True for <c>0x</c> followed by 40 hex digits (any case).</summary>
    public static bool IsValid(string? address) =>
        address is { Length: 42 } && address.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && address[2..].All(Uri.IsHexDigit);

    /// <summary>Lower-case form for keys and comparisons.</summary>
    /// <exception cref="ArgumentException">Not an address.</exception>
    public static string Normalise(string address) =>
        IsValid(address) ? address.ToLowerInvariant() : throw new ArgumentException($"'{address}' is not an address.", nameof(address));

    /// <summary>EIP-55 checksummed form for display.</summary>
    public static string Checksum(string address) => new AddressUtil().ConvertToChecksumAddress(Normalise(address));
}
