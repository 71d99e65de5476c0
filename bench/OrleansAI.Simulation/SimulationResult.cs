namespace OrleansAI.Simulation;

/// <summary>The whole simulated job.</summary>
/// <param name="Rounds">Per-round reports.</param>
/// <param name="RoundsToTarget">First round whose accuracy reached the target; null if never or no target.</param>
public sealed record SimulationResult(IReadOnlyList<RoundReport> Rounds, int? RoundsToTarget)
{
    /// <summary>Accuracy after the last round.</summary>
    public double FinalAccuracy => Rounds.Count == 0 ? double.NaN : Rounds[^1].Accuracy;

    /// <summary>Best accuracy of any round.</summary>
    public double BestAccuracy => Rounds.Count == 0 ? double.NaN : Rounds.Max(r => r.Accuracy);

    /// <summary>Bytes uploaded over all rounds.</summary>
    public long UploadBytes => Rounds.Sum(r => r.UploadBytes);
}
