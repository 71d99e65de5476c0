using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace OrleansAI.Protocol;

/// <summary>
/// What a serving node signs for each inference answer, with the Ed25519 session key its login
/// signature named: the chain, the model version, and the SHA-256 of the input and of the output.
/// With the login message and signature it proves which provider gave which answer to which input.
/// </summary>
public static class InferenceReceipt
{
    private static readonly byte[] Domain = Encoding.ASCII.GetBytes("OrleansAI inference answer v1\n");

    /// <summary>Length of a session public key.</summary>
    public const int PublicKeyBytes = 32;

    /// <summary>The 32-byte digest that is signed.</summary>
    public static byte[] Digest(long chainId, string modelKey, ReadOnlySpan<byte> inputSha256, ReadOnlySpan<byte> outputSha256)
    {
        ArgumentNullException.ThrowIfNull(modelKey);
        var model = Encoding.UTF8.GetBytes(modelKey);
        var buffer = new byte[Domain.Length + 8 + 4 + model.Length + 64];
        var span = buffer.AsSpan();
        Domain.CopyTo(span);
        var offset = Domain.Length;
        BinaryPrimitives.WriteInt64BigEndian(span[offset..], chainId);
        BinaryPrimitives.WriteInt32BigEndian(span[(offset + 8)..], model.Length);
        model.CopyTo(span[(offset + 12)..]);
        inputSha256.CopyTo(span[(offset + 12 + model.Length)..]);
        outputSha256.CopyTo(span[(offset + 44 + model.Length)..]);
        return SHA256.HashData(buffer);
    }

    /// <summary>A new session key (private; its public half goes in the challenge request).</summary>
    public static Key NewSessionKey() => Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None });

    /// <summary>The raw 32-byte public half of <paramref name="key"/>.</summary>
    public static byte[] PublicKeyOf(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    /// <summary>Signs the digest of an answer.</summary>
    public static byte[] Sign(Key key, ReadOnlySpan<byte> digest) => SignatureAlgorithm.Ed25519.Sign(key, digest);

    /// <summary>Whether <paramref name="signature"/> is the session key's signature of <paramref name="digest"/>.</summary>
    public static bool Verify(ReadOnlySpan<byte> sessionKey, ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature)
    {
        if (sessionKey.Length != PublicKeyBytes || signature.Length != SignatureAlgorithm.Ed25519.SignatureSize)
        {
            return false;
        }

        return PublicKey.TryImport(SignatureAlgorithm.Ed25519, sessionKey, KeyBlobFormat.RawPublicKey, out var key)
            && SignatureAlgorithm.Ed25519.Verify(key!, digest, signature);
    }
}
