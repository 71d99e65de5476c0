namespace OrleansAI.Learning.Evaluation;

/// <summary>
/// One row of the view <see cref="Evaluator"/> hands ML.NET. Key columns hold 0-based class ids here;
/// ML.NET's enumerable loader shifts them to its 1-based key encoding.
/// </summary>
internal sealed class ScoredRow
{
    public uint Label { get; init; }

    public float[] Score { get; init; } = [];

    public uint PredictedLabel { get; init; }
}
