using System.Globalization;

namespace OrleansAI.Protocol;

/// <summary>
/// The sign-in text a provider signs (EIP-191 personal_sign), in the spirit of EIP-4361: it names
/// the domain and chain so a signature obtained by another site or for another chain is useless here,
/// and carries the single-use nonce and its expiry.
/// </summary>
public static class LoginMessage
{
    /// <summary>The exact text to sign.</summary>
    public static string Format(string domain, long chainId, string address, string nonce, DateTimeOffset issuedAt, DateTimeOffset expiresAt, string sessionKey = "")
    {
        ArgumentException.ThrowIfNullOrEmpty(domain);
        ArgumentException.ThrowIfNullOrEmpty(nonce);
        ArgumentNullException.ThrowIfNull(sessionKey);
        var delegation = sessionKey.Length > 0 ? $"\nSession Key: {sessionKey}" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{domain} wants you to sign in to OrleansAI as a compute provider with your Ethereum account:\n" +
            $"{ProviderAddress.Normalize(address)}\n\n" +
            $"Chain ID: {chainId}\n" +
            $"Nonce: {nonce}\n" +
            $"Issued At: {issuedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}\n" +
            $"Expiration Time: {expiresAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}" +
            $"{delegation}");
    }
}
