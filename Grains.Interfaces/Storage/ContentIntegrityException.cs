namespace OrleansAI.Grains.Interfaces.Storage;

/// <summary>Stored content that is not what its hash names: altered, truncated or padded in the store.</summary>
public sealed class ContentIntegrityException : IOException
{
    /// <summary>Creates the exception for content <paramref name="sha256"/>.</summary>
    public ContentIntegrityException(string sha256, string problem)
        : base($"The stored content {sha256} was altered: {problem}.") => Sha256 = sha256;

    /// <summary>Creates the exception with a message only.</summary>
    public ContentIntegrityException(string message)
        : base(message) => Sha256 = "";

    /// <summary>Creates the exception with a message and cause.</summary>
    public ContentIntegrityException(string message, Exception innerException)
        : base(message, innerException) => Sha256 = "";

    /// <summary>Creates an empty exception.</summary>
    public ContentIntegrityException()
        => Sha256 = "";

    /// <summary>The hash the content was read by.</summary>
    public string Sha256 { get; }
}
