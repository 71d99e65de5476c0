namespace OrleansAI.Sdk.Cases;

/// <summary>A fraud case against a provider.</summary>
/// <param name="Id">Case id: the hash of its evidence, also the slash's id on chain.</param>
/// <param name="Evidence">
/// What it proves; null when the case does not concern the caller (only operators, the accused
/// provider and the client whose model or job it comes from see another tenant's evidence).
/// </param>
/// <param name="Status">Where it stands.</param>
/// <param name="Detail">What happened last.</param>
/// <param name="SlashedWei">Stake slashed, in token wei, once slashed.</param>
/// <param name="OpenedUtc">When it was opened.</param>
/// <param name="Resolution">Who decided a dispute, when and why.</param>
public sealed record FraudCase(string Id, FraudEvidence? Evidence, FraudCaseStatus Status, string Detail, string? SlashedWei, DateTimeOffset OpenedUtc, string? Resolution)
{
    /// <summary>The provider accused (shown to everyone).</summary>
    public string Provider { get; init; } = "";

    /// <summary>The kind of evidence, e.g. <c>inference-replication</c> or <c>training-canary</c> (shown to everyone).</summary>
    public string Kind { get; init; } = "";
}
