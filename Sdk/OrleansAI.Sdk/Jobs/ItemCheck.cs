namespace OrleansAI.Sdk.Jobs;

/// <summary>A data-parallel work item that was checked (replicated, a canary or replayed) and what was decided.</summary>
/// <param name="Item">The shard's index.</param>
/// <param name="Outcome">What the check decided.</param>
/// <param name="AcceptedTaskId">The task whose result was accepted, if any.</param>
/// <param name="Results">Every result compared, with its standing.</param>
/// <param name="CaseIds">Fraud cases opened from it.</param>
public sealed record ItemCheck(int Item, string Outcome, string? AcceptedTaskId, IReadOnlyList<CheckedResult> Results, IReadOnlyList<string> CaseIds);
