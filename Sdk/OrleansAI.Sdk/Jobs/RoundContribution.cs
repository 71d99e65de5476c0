namespace OrleansAI.Sdk.Jobs;

/// <summary>One accepted result of a round.</summary>
/// <param name="Provider">The provider's address.</param>
/// <param name="TaskId">The task it answered.</param>
/// <param name="ResultSha256">SHA-256 of the result it uploaded and signed.</param>
/// <param name="Examples">Examples it trained on.</param>
/// <param name="Used">Whether the aggregate used it.</param>
/// <param name="Note">Why not, or what checks said of it.</param>
/// <param name="Earns">Whether it is paid when that differs from <paramref name="Used"/> (a proven replica is paid although unused), else null.</param>
/// <param name="IsPaid">Whether the job's escrow pays for it.</param>
public sealed record RoundContribution(string Provider, string TaskId, string ResultSha256, long Examples, bool Used, string Note, bool? Earns, bool IsPaid);
