using System.Security.Cryptography;

namespace OrleansAI.Grains.Interfaces.Storage;

/// <summary>
/// Whole-blob reads for the callers that need the bytes in memory (decoding weights, exporting a
/// model). Content is addressed by its hash, and the hash is checked while reading: the store is a
/// separate service anyone with its key can write to, so bytes that no longer match their name are
/// refused (<see cref="ContentIntegrityException"/>) rather than trained on or served. Reads stop
/// at the length the caller expects, so an altered blob cannot make a grain read without bound.
/// </summary>
public static class ContentStoreReads
{
    /// <summary>The content <paramref name="reference"/> names, read whole and checked against its hash and length.</summary>
    /// <exception cref="ContentIntegrityException">The stored bytes are not the referenced content.</exception>
    public static Task<byte[]> ReadAllAsync(this IContentStore store, ContentReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return ReadCheckedAsync(store, reference.Sha256, reference.Length, exactLength: true, cancellationToken);
    }

    /// <summary>The content with hash <paramref name="sha256"/>, read whole (at most <paramref name="maxBytes"/>) and checked against its hash.</summary>
    /// <exception cref="ContentIntegrityException">The stored bytes are not the content, or are longer than allowed.</exception>
    public static Task<byte[]> ReadAllAsync(this IContentStore store, string sha256, long maxBytes, CancellationToken cancellationToken) =>
        ReadCheckedAsync(store, sha256, maxBytes, exactLength: false, cancellationToken);

    private static async Task<byte[]> ReadCheckedAsync(IContentStore store, string sha256, long limit, bool exactLength, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (!ContentReference.IsSha256(sha256))
        {
            throw new ArgumentException("Not a lower-case hex SHA-256.", nameof(sha256));
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var stream = await store.OpenReadAsync(sha256, cancellationToken);
        using var buffer = new MemoryStream(exactLength && limit <= int.MaxValue ? (int)limit : 0);
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new ContentIntegrityException(sha256, $"it is longer than the {limit:N0} bytes expected");
            }

            hash.AppendData(chunk, 0, read);
            buffer.Write(chunk, 0, read);
        }

        if (exactLength && buffer.Length != limit)
        {
            throw new ContentIntegrityException(sha256, $"it is {buffer.Length:N0} bytes, not the {limit:N0} expected");
        }

        if (Convert.ToHexStringLower(hash.GetHashAndReset()) != sha256)
        {
            throw new ContentIntegrityException(sha256, "its bytes no longer hash to its name");
        }

        // Sized exactly when the length was known: the buffer is the answer, not a copy of it.
        return buffer.TryGetBuffer(out var written) && written.Offset == 0 && written.Count == written.Array!.Length
            ? written.Array
            : buffer.ToArray();
    }
}
