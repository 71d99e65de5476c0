namespace OrleansAI.Grains.Interfaces.Datasets;

/// <summary>A dataset a client uploaded for data-parallel jobs (a dataset file in the blob store).</summary>
/// <param name="Sha256">Its hash: how jobs name it.</param>
/// <param name="Length">Its size in bytes.</param>
/// <param name="Name">The client's name for it.</param>
/// <param name="Examples">Examples it holds.</param>
/// <param name="ExampleShape">Shape of one example.</param>
/// <param name="Classes">Number of classes.</param>
/// <param name="UploadedUtc">When it was uploaded.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.DatasetRecord")]
public sealed record DatasetRecord(
    [property: Id(0)] string Sha256,
    [property: Id(1)] long Length,
    [property: Id(2)] string Name,
    [property: Id(3)] int Examples,
    [property: Id(4)] IReadOnlyList<int> ExampleShape,
    [property: Id(5)] int Classes,
    [property: Id(6)] DateTimeOffset UploadedUtc);
