namespace OrleansAI.Grains.Interfaces.Storage;

/// <summary>
/// Content-addressed storage for weights, updates and datasets. Content lives under its SHA-256,
/// so identical bytes are stored once and a reference can be checked against what it names.
/// Untrusted providers never get credentials: they get short-lived URLs for one blob and one
/// permission, and what they upload is only accepted after its hash is verified.
/// </summary>
public interface IContentStore
{
    /// <summary>Longest lifetime a URL may be given.</summary>
    static readonly TimeSpan MaxUrlLifetime = TimeSpan.FromHours(1);

    /// <summary>Stores <paramref name="content"/> under its hash (once) and returns the reference.</summary>
    Task<ContentReference> PutAsync(Stream content, CancellationToken cancellationToken);

    /// <summary>Whether content with this hash is stored.</summary>
    Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>Opens stored content for streaming reads.</summary>
    Task<Stream> OpenReadAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>A URL that can only read the content with this hash, valid for <paramref name="lifetime"/>.</summary>
    Task<Uri> CreateReadUrlAsync(string sha256, TimeSpan lifetime, CancellationToken cancellationToken);

    /// <summary>
    /// A URL that can only create the upload slot <paramref name="uploadId"/> (e.g. a task id), once,
    /// valid for <paramref name="lifetime"/>. What lands there is not content: it is read through
    /// <see cref="ReadUploadAsync"/>, which checks it against the hash its uploader signed, and
    /// becomes content only through <see cref="PromoteUploadAsync"/> (results are read from their
    /// slot: copying each into content would cost two more requests per result).
    /// </summary>
    Task<Uri> CreateUploadUrlAsync(string uploadId, TimeSpan lifetime, CancellationToken cancellationToken);

    /// <summary>
    /// The bytes of upload slot <paramref name="uploadId"/>, checked against <paramref name="expected"/>
    /// (the hash and length its uploader signed) as they are read, never more than its length: a
    /// mismatch throws <see cref="InvalidDataException"/>, an empty slot <see cref="FileNotFoundException"/>.
    /// </summary>
    Task<byte[]> ReadUploadAsync(string uploadId, ContentReference expected, CancellationToken cancellationToken);

    /// <summary>Deletes upload slot <paramref name="uploadId"/> if there is one (a result nothing needs any more).</summary>
    Task DeleteUploadAsync(string uploadId, CancellationToken cancellationToken);

    /// <summary>Copies upload slot <paramref name="uploadId"/> into content, checked against <paramref name="expected"/> (for blobs that must outlive their task, such as evidence).</summary>
    Task<ContentReference> PromoteUploadAsync(string uploadId, ContentReference expected, CancellationToken cancellationToken);
}
