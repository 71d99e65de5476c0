using System.Buffers.Binary;
using System.Security.Cryptography;

namespace OrleansAI.Api.Gateway;

/// <summary>
/// Sign-in challenges that hold their own state: the nonce is
/// <c>hex(random(16) | issued | expires | session key?) + hex(MAC(address | that))</c>, so issuing one
/// stores nothing and a third party who asks for challenges in a provider's name cannot push out the
/// provider's own (which a stored table of the newest few allowed). Single use is enforced when a
/// signed login spends the nonce (<see cref="IProviderSignInGrain.SpendNonceAsync"/>).
/// </summary>
public sealed class ChallengeTokens(SessionTokens keys)
{
    /// <summary>The longest nonce this issuer makes (a session key included).</summary>
    public const int MaxNonceChars = 2 * (16 + 8 + 8 + 32 + MacBytes);

    private const int MacBytes = 16;
    private const string Purpose = "sign-in challenge";

    /// <summary>A fresh nonce for <paramref name="address"/> naming the times and session key (hex, possibly empty) its message will state.</summary>
    public string Issue(string address, DateTimeOffset issued, DateTimeOffset expires, string sessionKey)
    {
        var key = Convert.FromHexString(sessionKey);
        var payload = new byte[32 + key.Length];
        RandomNumberGenerator.Fill(payload.AsSpan(0, 16));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(16), issued.ToUnixTimeMilliseconds());
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(24), expires.ToUnixTimeMilliseconds());
        key.CopyTo(payload, 32);
        return Convert.ToHexStringLower(payload) + Convert.ToHexStringLower(Mac(address, payload));
    }

    /// <summary>
    /// The issue time, expiry and session key (hex) a nonce made for <paramref name="address"/> by this
    /// issuer names; null for anything else (malformed, altered, another address's). Expiry is the caller's to check.
    /// </summary>
    public (DateTimeOffset Issued, DateTimeOffset Expires, string SessionKey)? Read(string address, string nonce)
    {
        if (nonce.Length is not (2 * (32 + MacBytes) or MaxNonceChars) || !nonce.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var bytes = Convert.FromHexString(nonce);
        var payload = bytes.AsSpan(0, bytes.Length - MacBytes);
        if (!CryptographicOperations.FixedTimeEquals(bytes.AsSpan(bytes.Length - MacBytes), Mac(address, payload)))
        {
            return null;
        }

        var issued = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(payload[16..]));
        var expires = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(payload[24..]));
        return (issued, expires, Convert.ToHexStringLower(payload[32..]));
    }

    private byte[] Mac(string address, ReadOnlySpan<byte> payload)
    {
        var data = new byte[20 + payload.Length];
        Convert.FromHexString(ProviderAddress.Normalize(address).AsSpan(2), data, out _, out _);
        payload.CopyTo(data.AsSpan(20));
        return keys.Mac(Purpose, data)[..MacBytes];
    }
}
