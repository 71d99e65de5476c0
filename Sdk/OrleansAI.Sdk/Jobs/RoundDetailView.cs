namespace OrleansAI.Sdk.Jobs;

/// <summary>One round in full: who handed in what, and for data-parallel rounds what every check decided.</summary>
/// <param name="Round">Round number.</param>
/// <param name="Status">Lifecycle status.</param>
/// <param name="Attempt">Attempts made.</param>
/// <param name="KeptBecause">Why the model was kept, if it was.</param>
/// <param name="Contributions">Every accepted result, whether it was used, and why not.</param>
/// <param name="Checks">Data-parallel: checked work items (replicas, canaries, replays) with each result's standing.</param>
public sealed record RoundDetailView(
    int Round,
    RoundStatus Status,
    int Attempt,
    string? KeptBecause,
    IReadOnlyList<RoundContribution> Contributions,
    IReadOnlyList<ItemCheck> Checks);
