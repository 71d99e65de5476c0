namespace OrleansAI.Sdk.Models;

/// <summary>A model in a listing.</summary>
/// <param name="Name">Model name.</param>
/// <param name="Versions">Its version numbers.</param>
/// <param name="Latest">The newest version.</param>
public sealed record ModelView(string Name, IReadOnlyList<int> Versions, ModelVersionView? Latest);
