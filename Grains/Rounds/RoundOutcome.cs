namespace OrleansAI.Grains.Rounds;

/// <summary>What closing a training round decided, ready to be recorded in its state.</summary>
/// <param name="NewWeights">The stored new model, or null when the current one is kept.</param>
/// <param name="KeptBecause">Why the current model was kept, or null.</param>
/// <param name="Contributions">Every accepted result and what became of it.</param>
/// <param name="StrategyState">The strategy's state for the next round.</param>
/// <param name="Suspects">Providers whose results looked wrong, with why (suspicion, never proof).</param>
/// <param name="Checks">Data-parallel: the checked items and their verdicts.</param>
/// <param name="Cases">Data-parallel: the fraud the round proved, to be opened as cases.</param>
internal sealed record RoundOutcome(
    ContentReference? NewWeights,
    string? KeptBecause,
    IReadOnlyList<RoundContribution> Contributions,
    ContentReference? StrategyState,
    IReadOnlyDictionary<string, string> Suspects,
    IReadOnlyList<ItemCheck>? Checks = null,
    IReadOnlyList<Interfaces.Verification.FraudEvidence>? Cases = null);
