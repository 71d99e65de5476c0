namespace OrleansAI.Sdk.Cases;

/// <summary>Bytes the platform stored by their hash (inputs and outputs that evidence cites).</summary>
/// <param name="Sha256">Lower-case hex SHA-256 of the content.</param>
/// <param name="Length">Size in bytes.</param>
public sealed record ContentReference(string Sha256, long Length);
