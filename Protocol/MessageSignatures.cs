using System.Security.Cryptography;
using System.Text;
using NBitcoin.Secp256k1;
using Nethereum.Signer;

namespace OrleansAI.Protocol;

/// <summary>EIP-191 (personal_sign) signing and recovery of the protocol's texts.</summary>
public static class MessageSignatures
{
    /// <summary>Longest signature accepted: 65 bytes in 0x-prefixed hex.</summary>
    public const int SignatureChars = 132;

    /// <summary>Signs <paramref name="message"/> with a secp256k1 private key (hex).</summary>
    public static string Sign(string message, EthECKey key)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(key);
        // Signed with libsecp256k1's C# port: the same RFC 6979, low-s signature as Nethereum's
        // default path, about nine times faster (a simulated fleet signs a hundred results at once
        // on two cores). Nethereum's own switch to it fails for keys with a leading zero byte (one in
        // 256), whose bytes it hands over short, so the key is padded here.
        Span<byte> secret = stackalloc byte[32];
        var bytes = key.GetPrivateKeyAsBytes();
        bytes.AsSpan(Math.Max(0, bytes.Length - 32)).CopyTo(secret[Math.Max(0, 32 - bytes.Length)..]);
        var hash = new EthereumMessageSigner().HashPrefixedMessage(Encoding.UTF8.GetBytes(message));
        try
        {
            if (!ECPrivKey.TryCreate(secret, out var signer) || signer is null)
            {
                throw new ArgumentException("The key is not a valid secp256k1 private key.", nameof(key));
            }

            using var held = signer;
            if (!held.TrySignRecoverable(hash, out var signature) || signature is null)
            {
                throw new CryptographicException("Signing failed.");
            }

            Span<byte> compact = stackalloc byte[65];
            signature.WriteToSpanCompact(compact[..64], out var recoveryId);
            compact[64] = (byte)(27 + recoveryId);
            return "0x" + Convert.ToHexStringLower(compact);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>
    /// The canonical address that signed <paramref name="message"/>, or null when the signature is
    /// malformed (wrong length, not hex, not a curve point). Never throws for bad input.
    /// </summary>
    public static string? RecoverSigner(string message, string? signature)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (signature is not { Length: SignatureChars } || !signature.StartsWith("0x", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var address = new EthereumMessageSigner().EncodeUTF8AndEcRecover(message, signature);
            return ProviderAddress.IsValid(address) ? ProviderAddress.Normalize(address) : null;
        }
#pragma warning disable CA1031 // Recovery of attacker-supplied bytes fails in many library-specific ways; all mean "not signed".
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    /// <summary>The canonical address of a private key.</summary>
    public static string AddressOf(EthECKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ProviderAddress.Normalize(key.GetPublicAddress());
    }
}
