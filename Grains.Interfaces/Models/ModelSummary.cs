namespace OrleansAI.Grains.Interfaces.Models;

/// <summary>A model and its versions.</summary>
/// <param name="Owner">Client that owns it.</param>
/// <param name="Name">Model name.</param>
/// <param name="Versions">Version numbers, oldest first.</param>
/// <param name="Latest">The newest version's record, if any.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.ModelSummary")]
public sealed record ModelSummary(
    [property: Id(0)] string Owner,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<int> Versions,
    [property: Id(3)] ModelVersionRecord? Latest);
