namespace OrleansAI.Sdk.Cases;

/// <summary>A fraud case in the operators' list.</summary>
/// <param name="Id">Case id.</param>
/// <param name="Provider">The accused provider.</param>
/// <param name="Kind">How it was caught.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="OpenedUtc">When it was opened.</param>
public sealed record CaseEntry(string Id, string Provider, string Kind, FraudCaseStatus Status, DateTimeOffset OpenedUtc);
