namespace OrleansAI.Sdk.Datasets;

/// <summary>A dataset a client uploaded for data-parallel training or as a root dataset.</summary>
/// <param name="Sha256">SHA-256 of the file: the name jobs refer to it by.</param>
/// <param name="Length">Its size in bytes.</param>
/// <param name="Name">Display name.</param>
/// <param name="Examples">Labelled examples in it.</param>
/// <param name="ExampleShape">Shape of one example.</param>
/// <param name="Classes">Distinct labels.</param>
/// <param name="UploadedUtc">When it was uploaded.</param>
public sealed record Dataset(string Sha256, long Length, string Name, int Examples, IReadOnlyList<int> ExampleShape, int Classes, DateTimeOffset UploadedUtc);
