namespace OrleansAI.Sdk.Jobs;

/// <summary>One finished round as the API returns it; figures not measured are null.</summary>
/// <param name="Round">Round number; the final evaluation is rounds + 1.</param>
/// <param name="Evaluation">True for the final evaluation-only round.</param>
/// <param name="Participants">Results accepted.</param>
/// <param name="Assigned">Tasks handed out.</param>
/// <param name="Failed">Tasks failed or timed out.</param>
/// <param name="Attempts">Deadline attempts needed.</param>
/// <param name="TrainLoss">Mean local training loss.</param>
/// <param name="Accuracy">Test accuracy of the model the round produced (measured by the next round).</param>
/// <param name="Loss">Test loss of that model.</param>
/// <param name="KeptBecause">Why the round kept the previous model, if it did.</param>
/// <param name="BytesIn">Result bytes received.</param>
/// <param name="BytesOut">Weight bytes handed out.</param>
/// <param name="WallMs">Round wall time.</param>
/// <param name="SlowestComputeMs">Slowest accepted provider's compute time.</param>
/// <param name="Weights">SHA-256 of the global weights after the round.</param>
/// <param name="EpsilonSpent">A private job: the ε spent so far, including this round; null otherwise.</param>
public sealed record RoundView(
    int Round,
    bool Evaluation,
    int Participants,
    int Assigned,
    int Failed,
    int Attempts,
    double? TrainLoss,
    double? Accuracy,
    double? Loss,
    string? KeptBecause,
    long BytesIn,
    long BytesOut,
    double WallMs,
    double SlowestComputeMs,
    string Weights,
    double? EpsilonSpent = null);
