namespace OrleansAI.Grains.Verification;

/// <summary>What a slash attempt did.</summary>
/// <param name="Status">The case status it leads to; <c>Recorded</c> means try again later.</param>
/// <param name="Detail">Transaction hash, or the reason.</param>
/// <param name="AmountWei">Amount slashed, when slashed.</param>
public sealed record SlashOutcome(Interfaces.Verification.FraudCaseStatus Status, string Detail, string? AmountWei = null);
