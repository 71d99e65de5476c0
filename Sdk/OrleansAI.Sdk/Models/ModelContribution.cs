namespace OrleansAI.Sdk.Models;

/// <summary>A result that shaped a model version: part of its provenance.</summary>
/// <param name="Round">The round it was used in.</param>
/// <param name="Provider">The provider's address.</param>
/// <param name="TaskId">The task it answered.</param>
/// <param name="ResultSha256">SHA-256 of the result, as the provider signed it.</param>
/// <param name="Examples">Examples it trained on.</param>
public sealed record ModelContribution(int Round, string Provider, string TaskId, string ResultSha256, long Examples);
