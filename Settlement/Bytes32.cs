using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;

namespace OrleansAI.Settlement;

/// <summary>
/// A Solidity <c>bytes32</c> value (job ids, task ids, hashes, role ids) as an immutable value
/// with value equality.
/// </summary>
/// <remarks>
/// Nethereum maps <c>bytes32</c> to <c>byte[]</c>, which compares by reference and is mutable; ids
/// are used as dictionary keys and idempotency keys across the settlement code, so they get a
/// value type of their own. The canonical text form is lower-case hex with a <c>0x</c> prefix.
/// <c>default</c> is the zero value.
/// </remarks>
public readonly record struct Bytes32
{
    private const string ZeroHex = "0x0000000000000000000000000000000000000000000000000000000000000000";

    // Null for the zero value, so that default(Bytes32) == Bytes32.Zero.
    private readonly string? _hex;

    private Bytes32(string? hex) => _hex = hex;

    /// <summary>The all-zero value, which the contracts treat as "no id".</summary>
    public static Bytes32 Zero => default;

    /// <summary>True for the all-zero value.</summary>
    public bool IsZero => _hex is null;

    /// <summary>Parses 64 hex digits, with or without a <c>0x</c> prefix.</summary>
    /// <exception cref="FormatException">The text is not 32 bytes of hex.</exception>
    public static Bytes32 Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digits = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex;
        if (digits.Length != 64 || !digits.All(Uri.IsHexDigit))
        {
            throw new FormatException($"'{hex}' is not a 32-byte hex value.");
        }

        return FromBytes(Convert.FromHexString(digits));
    }

    /// <summary>Wraps exactly 32 bytes.</summary>
    public static Bytes32 FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 32)
        {
            throw new ArgumentException($"Expected 32 bytes, got {bytes.Length}.", nameof(bytes));
        }

        return bytes.ContainsAnyExcept((byte)0) ? new Bytes32("0x" + Convert.ToHexStringLower(bytes)) : default;
    }

    /// <summary>Keccak-256 of the UTF-8 bytes of <paramref name="text"/> (Solidity <c>keccak256(bytes(text))</c>).</summary>
    public static Bytes32 Keccak(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FromBytes(Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Keccak-256 of raw bytes.</summary>
    public static Bytes32 Keccak(ReadOnlySpan<byte> data) => FromBytes(Sha3Keccack.Current.CalculateHash(data.ToArray()));

    /// <summary>A fresh copy of the 32 bytes, for Nethereum messages.</summary>
    public byte[] ToArray() => (_hex ?? ZeroHex).HexToByteArray();

    /// <summary>Lower-case hex with a <c>0x</c> prefix.</summary>
    public override string ToString() => _hex ?? ZeroHex;

    /// <summary>A short form for logs and messages (first 10 hex characters).</summary>
    public string ToShortString() => ToString()[..10];
}
