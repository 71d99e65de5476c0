namespace OrleansAI.Grains.Interfaces.Models;

/// <summary>A result that shaped a model version: which provider, in which round, with which blob.</summary>
/// <param name="Round">Round number.</param>
/// <param name="Provider">Provider address.</param>
/// <param name="TaskId">Task answered.</param>
/// <param name="ResultSha256">The result blob's SHA-256.</param>
/// <param name="Examples">Examples it claims.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.ModelContribution")]
public sealed record ModelContribution(
    [property: Id(0)] int Round,
    [property: Id(1)] string Provider,
    [property: Id(2)] string TaskId,
    [property: Id(3)] string ResultSha256,
    [property: Id(4)] long Examples);
