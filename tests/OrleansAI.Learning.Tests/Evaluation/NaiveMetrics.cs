namespace OrleansAI.Learning.Tests.Evaluation;

/// <summary>
/// Straightforward reference metrics computed from probabilities, to check the ML.NET-backed
/// evaluator against definitions rather than against itself.
/// </summary>
internal sealed class NaiveMetrics
{
    private NaiveMetrics(int classes)
    {
        Confusion = new int[classes][];
        for (var c = 0; c < classes; c++)
        {
            Confusion[c] = new int[classes];
        }
    }

    public double Accuracy { get; private set; }

    public double MacroAccuracy { get; private set; }

    public double LogLoss { get; private set; }

    public double TopKAccuracy { get; private set; }

    public int[][] Confusion { get; }

    public static double[] Softmax(IReadOnlyList<float> logits)
    {
        var max = logits.Max();
        var exps = logits.Select(l => Math.Exp(l - (double)max)).ToArray();
        var sum = exps.Sum();
        return [.. exps.Select(e => e / sum)];
    }

    /// <summary>Metrics of row-major probabilities; the prediction is the first class with the highest probability.</summary>
    public static NaiveMetrics Compute(float[] probabilities, int[] labels, int classes, int topK = 1)
    {
        var metrics = new NaiveMetrics(classes);
        var correct = 0;
        var correctTopK = 0;
        var logLoss = 0.0;
        for (var i = 0; i < labels.Length; i++)
        {
            var row = probabilities.AsSpan(i * classes, classes).ToArray();
            var predicted = Array.IndexOf(row, row.Max());
            metrics.Confusion[labels[i]][predicted]++;
            correct += predicted == labels[i] ? 1 : 0;

            // Rank of the true class: classes scoring higher, plus equal-scoring classes with a lower id.
            var rank = Enumerable.Range(0, classes).Count(c => row[c] > row[labels[i]] || (row[c] == row[labels[i]] && c < labels[i]));
            correctTopK += rank < topK ? 1 : 0;
            logLoss -= Math.Log(Math.Clamp(row[labels[i]], 1e-15f, 1f));
        }

        metrics.Accuracy = (double)correct / labels.Length;
        metrics.TopKAccuracy = (double)correctTopK / labels.Length;
        metrics.LogLoss = logLoss / labels.Length;
        var present = Enumerable.Range(0, classes).Where(c => metrics.Confusion[c].Sum() > 0).ToArray();
        metrics.MacroAccuracy = present.Average(c => (double)metrics.Confusion[c][c] / metrics.Confusion[c].Sum());
        return metrics;
    }
}
