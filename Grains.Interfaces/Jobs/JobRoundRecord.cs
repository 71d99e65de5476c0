namespace OrleansAI.Grains.Interfaces.Jobs;

/// <summary>One finished round as the job records it.</summary>
/// <param name="Round">Round number; the final evaluation-only round is <c>Rounds + 1</c>.</param>
/// <param name="Evaluation">True for the final evaluation-only round.</param>
/// <param name="Participants">Results accepted.</param>
/// <param name="Assigned">Tasks handed out.</param>
/// <param name="Failed">Tasks failed or timed out.</param>
/// <param name="Attempts">Deadline attempts the round needed.</param>
/// <param name="TrainLoss">Example-weighted mean local training loss; NaN when none.</param>
/// <param name="Accuracy">Accuracy of the model this round produced on the providers' test data; NaN until measured (by the next round).</param>
/// <param name="Loss">Loss of that model on the test data; NaN until measured.</param>
/// <param name="KeptBecause">Why the round kept the previous model, if it did.</param>
/// <param name="BytesIn">Result bytes received.</param>
/// <param name="BytesOut">Weight bytes handed out.</param>
/// <param name="WallMs">From first task out to close.</param>
/// <param name="SlowestComputeMs">The slowest accepted provider's compute time.</param>
/// <param name="WeightsSha256">Global weights after the round.</param>
/// <param name="EpsilonSpent">A private job: the ε spent by the releases up to and including this round (at the job's δ); null otherwise.</param>
[GenerateSerializer, Immutable, Alias("OrleansAI.JobRoundRecord")]
public sealed record JobRoundRecord(
    [property: Id(0)] int Round,
    [property: Id(1)] bool Evaluation,
    [property: Id(2)] int Participants,
    [property: Id(3)] int Assigned,
    [property: Id(4)] int Failed,
    [property: Id(5)] int Attempts,
    [property: Id(6)] double TrainLoss,
    [property: Id(7)] double Accuracy,
    [property: Id(8)] double Loss,
    [property: Id(9)] string? KeptBecause,
    [property: Id(10)] long BytesIn,
    [property: Id(11)] long BytesOut,
    [property: Id(12)] double WallMs,
    [property: Id(13)] double SlowestComputeMs,
    [property: Id(14)] string WeightsSha256,
    [property: Id(15)] double? EpsilonSpent = null)
{
    /// <summary>
    /// What the job keeps of a closed round: its counts, bytes and times, its own evaluation figures
    /// when it is the final evaluation round (a training round's accuracy is measured by the next
    /// round), and the weights it left (<paramref name="keptWeights"/> when it kept the model).
    /// </summary>
    public static JobRoundRecord Of(Rounds.RoundSnapshot round, bool evaluation, Storage.ContentReference keptWeights)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(keptWeights);
        return new(
            round.Round,
            evaluation,
            round.Received,
            round.Assigned,
            round.Failed,
            round.Attempt,
            round.TrainLoss,
            evaluation ? round.EvalAccuracy : double.NaN,
            evaluation ? round.EvalLoss : double.NaN,
            round.KeptBecause,
            round.BytesIn,
            round.BytesOut,
            round.OpenedUtc is { } opened && round.ClosedUtc is { } closed ? (closed - opened).TotalMilliseconds : 0,
            round.SlowestComputeMs,
            (round.NewWeights ?? keptWeights).Sha256);
    }
}
