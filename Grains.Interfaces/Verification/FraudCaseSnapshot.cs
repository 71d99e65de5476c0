namespace OrleansAI.Grains.Interfaces.Verification;

/// <summary>A fraud case: its evidence and what became of it.</summary>
/// <param name="Id">The evidence hash.</param>
/// <param name="Evidence">The evidence.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Detail">The slash transaction, or why there was none.</param>
/// <param name="SlashedWei">Amount slashed (decimal string), when slashed.</param>
/// <param name="OpenedUtc">When the case was opened.</param>
/// <param name="Resolution">How an operator decided the provider's dispute, by whom and why; null until one did.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.FraudCaseSnapshot")]
public sealed record FraudCaseSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] FraudEvidence Evidence,
    [property: Id(2)] FraudCaseStatus Status,
    [property: Id(3)] string Detail,
    [property: Id(4)] string? SlashedWei,
    [property: Id(5)] DateTimeOffset OpenedUtc,
    [property: Id(6)] string? Resolution = null);
