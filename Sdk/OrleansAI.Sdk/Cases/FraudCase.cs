namespace OrleansAI.Sdk.Cases;

/// <summary>A fraud case against a provider.</summary>
/// <param name="Id">Case id: the hash of its evidence, also the slash's id on chain.</param>
/// <param name="Evidence">What it proves.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Detail">What happened last.</param>
/// <param name="SlashedWei">Stake slashed, in token wei, once slashed.</param>
/// <param name="OpenedUtc">When it was opened.</param>
/// <param name="Resolution">Who decided a dispute, when and why.</param>
public sealed record FraudCase(string Id, FraudEvidence Evidence, FraudCaseStatus Status, string Detail, string? SlashedWei, DateTimeOffset OpenedUtc, string? Resolution);
