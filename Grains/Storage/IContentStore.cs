using OrleansAI.Grains.Interfaces.Storage;

namespace OrleansAI.Grains.Storage;

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
    /// A URL that can only create the upload slot <paramref name="uploadId"/> (e.g. a task id), valid
    /// for <paramref name="lifetime"/>; what lands there is not content until <see cref="AcceptUploadAsync"/>.
    /// </summary>
    Task<Uri> CreateUploadUrlAsync(string uploadId, TimeSpan lifetime, CancellationToken cancellationToken);

    /// <summary>
    /// Verifies that the upload slot holds at most <paramref name="maxBytes"/> bytes hashing to
    /// <paramref name="claimedSha256"/>, then stores it as content and clears the slot. A mismatch
    /// clears the slot and throws <see cref="InvalidDataException"/>.
    /// </summary>
    Task<ContentReference> AcceptUploadAsync(string uploadId, string claimedSha256, long maxBytes, CancellationToken cancellationToken);
}
