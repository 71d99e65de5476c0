namespace OrleansAI.Grains.Interfaces.Jobs;

/// <summary>Which model version a job produced.</summary>
/// <param name="Name">Model name.</param>
/// <param name="Version">Version number.</param>
/// <param name="WeightsSha256">The weights blob's hash.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.ModelVersionKey")]
public sealed record ModelVersionKey(
    [property: Id(0)] string Name,
    [property: Id(1)] int Version,
    [property: Id(2)] string WeightsSha256);
