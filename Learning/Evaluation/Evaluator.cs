using Microsoft.ML;
using Microsoft.ML.Data;

namespace OrleansAI.Learning.Evaluation;

/// <summary>
/// Scores a classifier's outputs against true labels with ML.NET's multiclass evaluator, so accuracy,
/// log-loss and the confusion matrix are computed by a widely used reference implementation instead
/// of code of our own, and every component (trainer, aggregator, dashboard) reports the same numbers.
/// </summary>
public static class Evaluator
{
    /// <summary>Largest allowed distance of a probability row's sum from 1.</summary>
    public const double ProbabilitySumTolerance = 1e-3;

    /// <summary>
    /// Evaluates <paramref name="scores"/>, an N×C row-major matrix (row i holds the C class scores of
    /// example i) against <paramref name="labels"/> (N class ids in 0..C−1).
    /// </summary>
    /// <param name="scores">Per-example class scores, row-major.</param>
    /// <param name="labels">True class of each example.</param>
    /// <param name="classes">C, the number of classes (at least 2).</param>
    /// <param name="kind">Whether <paramref name="scores"/> are probabilities or logits; logits go through <see cref="Softmax"/>.</param>
    /// <param name="topK">If positive, also report the top-<paramref name="topK"/> accuracy.</param>
    /// <exception cref="ArgumentException">Shapes disagree, a label is out of range, a score is not finite, or probability rows do not sum to 1.</exception>
    public static EvaluationReport Evaluate(ReadOnlySpan<float> scores, ReadOnlySpan<int> labels, int classes, ScoreKind kind, int topK = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(topK);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(topK, classes);
        if (labels.IsEmpty)
        {
            throw new ArgumentException("At least one example is needed.", nameof(labels));
        }

        if (scores.Length != (long)labels.Length * classes)
        {
            throw new ArgumentException($"{labels.Length} examples of {classes} classes need {(long)labels.Length * classes} scores, got {scores.Length}.", nameof(scores));
        }

        var probabilities = kind switch
        {
            ScoreKind.Logits => Softmax(scores, classes),
            ScoreKind.Probabilities => CheckedProbabilities(scores, classes),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown score kind."),
        };

        var rows = new ScoredRow[labels.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var label = labels[i];
            if ((uint)label >= (uint)classes)
            {
                throw new ArgumentException($"Label {label} of example {i} is outside 0..{classes - 1}.", nameof(labels));
            }

            var row = probabilities.AsSpan(i * classes, classes);
            rows[i] = new ScoredRow { Label = (uint)label, Score = row.ToArray(), PredictedLabel = (uint)ArgMax(row) };
        }

        var schema = SchemaDefinition.Create(typeof(ScoredRow));
        schema[nameof(ScoredRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), classes);
        schema[nameof(ScoredRow.PredictedLabel)].ColumnType = new KeyDataViewType(typeof(uint), classes);
        schema[nameof(ScoredRow.Score)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, classes);

        var context = new MLContext(seed: 0);
        var view = context.Data.LoadFromEnumerable(rows, schema);
        var metrics = context.MulticlassClassification.Evaluate(
            view,
            labelColumnName: nameof(ScoredRow.Label),
            scoreColumnName: nameof(ScoredRow.Score),
            predictedLabelColumnName: nameof(ScoredRow.PredictedLabel),
            topKPredictionCount: topK);

        var confusion = metrics.ConfusionMatrix.Counts
            .Select(row => row.Select(count => (int)Math.Round(count)).ToArray())
            .ToArray();
        var counted = confusion.Sum(row => row.Sum());
        if (confusion.Length != classes || counted != labels.Length)
        {
            // ML.NET skips rows it cannot use instead of failing; none should reach it, so say so loudly.
            throw new InvalidOperationException($"ML.NET evaluated {counted} of {labels.Length} examples over {confusion.Length} of {classes} classes.");
        }

        return new EvaluationReport
        {
            Count = labels.Length,
            Classes = classes,
            Accuracy = metrics.MicroAccuracy,
            MacroAccuracy = metrics.MacroAccuracy,
            LogLoss = metrics.LogLoss,
            LogLossReduction = metrics.LogLossReduction,
            TopK = topK,
            TopKAccuracy = topK > 0 ? metrics.TopKAccuracy : null,
            PerClassLogLoss = [.. metrics.PerClassLogLoss],
            PerClassPrecision = [.. metrics.ConfusionMatrix.PerClassPrecision],
            PerClassRecall = [.. metrics.ConfusionMatrix.PerClassRecall],
            ConfusionMatrix = confusion,
        };
    }

    /// <summary>
    /// Row-wise softmax of an N×C row-major logit matrix. Subtracts each row's maximum and works in
    /// double, so large logits neither overflow nor lose the small probabilities log-loss depends on.
    /// </summary>
    /// <exception cref="ArgumentException">The length is not a multiple of <paramref name="classes"/> or a logit is not finite.</exception>
    public static float[] Softmax(ReadOnlySpan<float> logits, int classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        if (logits.Length % classes != 0)
        {
            throw new ArgumentException($"{logits.Length} logits do not form rows of {classes}.", nameof(logits));
        }

        var result = new float[logits.Length];
        var exps = new double[classes];
        for (var start = 0; start < logits.Length; start += classes)
        {
            var row = logits.Slice(start, classes);
            var max = float.NegativeInfinity;
            foreach (var value in row)
            {
                if (!float.IsFinite(value))
                {
                    throw new ArgumentException($"Logit row {start / classes} holds a non-finite value ({value}).", nameof(logits));
                }

                max = Math.Max(max, value);
            }

            var sum = 0.0;
            for (var c = 0; c < classes; c++)
            {
                exps[c] = Math.Exp((double)row[c] - max);
                sum += exps[c];
            }

            for (var c = 0; c < classes; c++)
            {
                result[start + c] = (float)(exps[c] / sum);
            }
        }

        return result;
    }

    private static float[] CheckedProbabilities(ReadOnlySpan<float> scores, int classes)
    {
        for (var start = 0; start < scores.Length; start += classes)
        {
            var sum = 0.0;
            foreach (var p in scores.Slice(start, classes))
            {
                if (!float.IsFinite(p) || p < 0)
                {
                    throw new ArgumentException($"Probability row {start / classes} holds {p}; probabilities must be finite and non-negative (pass {nameof(ScoreKind)}.{nameof(ScoreKind.Logits)} for raw model outputs).", nameof(scores));
                }

                sum += p;
            }

            if (Math.Abs(sum - 1) > ProbabilitySumTolerance)
            {
                throw new ArgumentException($"Probability row {start / classes} sums to {sum}, not 1 (pass {nameof(ScoreKind)}.{nameof(ScoreKind.Logits)} for raw model outputs).", nameof(scores));
            }
        }

        return scores.ToArray();
    }

    private static int ArgMax(ReadOnlySpan<float> row)
    {
        var best = 0;
        for (var c = 1; c < row.Length; c++)
        {
            if (row[c] > row[best])
            {
                best = c;
            }
        }

        return best;
    }
}
