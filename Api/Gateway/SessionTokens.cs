using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace OrleansAI.Api.Gateway;

/// <summary>
/// Short-lived provider session tokens: <c>base64url(address | expiry [| session key]) . base64url(HMAC-SHA256)</c>.
/// Stateless, so any Api instance sharing the key can check them, and bounded in time so a stolen
/// token is worth little.
/// </summary>
public sealed class SessionTokens
{
    private readonly byte[] _key;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _lifetime;

    /// <summary>Creates the issuer from the gateway options.</summary>
    public SessionTokens(IOptions<GatewayOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _lifetime = options.Value.SessionLifetime;
        _key = options.Value.SessionKey is { Length: > 0 } configured
            ? Convert.FromBase64String(configured)
            : RandomNumberGenerator.GetBytes(32);
        if (_key.Length < 32)
        {
            throw new ArgumentException("Gateway:SessionKey must be at least 32 bytes of base64.", nameof(options));
        }
    }

    /// <summary>A token for <paramref name="address"/> (and the session key its sign-in delegated, if any) and when it expires.</summary>
    public (string Token, DateTimeOffset Expires) Issue(string address, byte[]? sessionKey = null)
    {
        if (sessionKey is not null && sessionKey.Length != InferenceReceipt.PublicKeyBytes)
        {
            throw new ArgumentException("A session key is 32 bytes.", nameof(sessionKey));
        }

        var expires = _clock.GetUtcNow() + _lifetime;
        var payload = new byte[20 + 8 + (sessionKey?.Length ?? 0)];
        Convert.FromHexString(ProviderAddress.Normalize(address).AsSpan(2), payload, out _, out _);
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(20), expires.ToUnixTimeMilliseconds());
        sessionKey?.CopyTo(payload, 28);
        return ($"{Base64Url(payload)}.{Base64Url(HMACSHA256.HashData(_key, payload))}", expires);
    }

    /// <summary>The provider address a valid, unexpired token names; null for anything else.</summary>
    public string? Validate(string? token) => Read(token)?.Address;

    /// <summary>The address and session key (empty when none) a valid, unexpired token names; null for anything else.</summary>
    public (string Address, byte[] SessionKey)? Read(string? token)
    {
        if (token is null || token.Length > 300)
        {
            return null;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0 || !TryDecode(token[..dot], out var payload) || payload.Length is not (28 or 60) || !TryDecode(token[(dot + 1)..], out var mac))
        {
            return null;
        }

        if (!CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(_key, payload)))
        {
            return null;
        }

        var expires = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(20)));
        return expires > _clock.GetUtcNow() ? ("0x" + Convert.ToHexStringLower(payload.AsSpan(0, 20)), payload[28..]) : null;
    }

    /// <summary>
    /// A MAC of <paramref name="data"/> for another purpose (e.g. sign-in challenges), under a key
    /// derived from the session key so the two kinds of token can never stand in for each other.
    /// </summary>
    internal byte[] Mac(string purpose, ReadOnlySpan<byte> data)
    {
        var derived = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("OrleansAI " + purpose));
        return HMACSHA256.HashData(derived, data);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecode(string text, out byte[] bytes)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        bytes = new byte[padded.Length];
        if (Convert.TryFromBase64String(padded, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        bytes = [];
        return false;
    }
}
