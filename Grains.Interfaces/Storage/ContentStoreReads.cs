namespace OrleansAI.Grains.Interfaces.Storage;

/// <summary>Whole-blob reads for the callers that need the bytes in memory (decoding weights, exporting a model).</summary>
public static class ContentStoreReads
{
    /// <summary>The content with hash <paramref name="sha256"/>, read whole.</summary>
    public static async Task<byte[]> ReadAllAsync(this IContentStore store, string sha256, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var stream = await store.OpenReadAsync(sha256, cancellationToken);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
