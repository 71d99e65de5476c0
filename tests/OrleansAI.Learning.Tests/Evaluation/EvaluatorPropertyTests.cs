using FsCheck.Xunit;
using OrleansAI.Learning.Evaluation;

namespace OrleansAI.Learning.Tests.Evaluation;

/// <summary>The ML.NET-backed evaluator agrees with the textbook definitions on arbitrary inputs.</summary>
public sealed class EvaluatorPropertyTests
{
    [Property(MaxTest = 40)]
    public void MetricsMatchANaiveReferenceOnRandomLogits(int seed, byte rawCount, byte rawClasses)
    {
        var classes = 2 + (rawClasses % 9);
        var count = 1 + (rawCount % 200);
        var random = new Random(seed);
        var labels = Enumerable.Range(0, count).Select(_ => random.Next(classes)).ToArray();
        var logits = Enumerable.Range(0, count * classes).Select(_ => (float)((random.NextDouble() * 20) - 10)).ToArray();
        var topK = 1 + (seed & int.MaxValue) % classes;

        var report = Evaluator.Evaluate(logits, labels, classes, ScoreKind.Logits, topK);

        var probabilities = logits.Chunk(classes).SelectMany(row => NaiveMetrics.Softmax(row).Select(p => (float)p)).ToArray();
        var expected = NaiveMetrics.Compute(probabilities, labels, classes, topK);
        Assert.Equal(expected.Accuracy, report.Accuracy, 12);
        Assert.Equal(expected.MacroAccuracy, report.MacroAccuracy, 12);
        Assert.Equal(expected.LogLoss, report.LogLoss, 1e-6);
        Assert.Equal(expected.TopKAccuracy, report.TopKAccuracy!.Value, 12);
        for (var c = 0; c < classes; c++)
        {
            Assert.Equal(expected.Confusion[c], report.ConfusionMatrix[c]);
        }
    }

    [Property(MaxTest = 40)]
    public void MetricsMatchANaiveReferenceOnRandomProbabilities(int seed, byte rawCount, byte rawClasses)
    {
        var classes = 2 + (rawClasses % 9);
        var count = 1 + (rawCount % 200);
        var random = new Random(seed);
        var labels = Enumerable.Range(0, count).Select(_ => random.Next(classes)).ToArray();
        var probabilities = new float[count * classes];
        for (var i = 0; i < count; i++)
        {
            // Coarse values make exact ties common, exercising the lowest-id tie rule.
            var weights = Enumerable.Range(0, classes).Select(_ => random.Next(4)).ToArray();
            if (weights.Sum() == 0)
            {
                weights[random.Next(classes)] = 1;
            }

            for (var c = 0; c < classes; c++)
            {
                probabilities[(i * classes) + c] = (float)weights[c] / weights.Sum();
            }
        }

        var report = Evaluator.Evaluate(probabilities, labels, classes, ScoreKind.Probabilities, topK: 2);

        var expected = NaiveMetrics.Compute(probabilities, labels, classes, topK: 2);
        Assert.Equal(expected.Accuracy, report.Accuracy, 12);
        Assert.Equal(expected.MacroAccuracy, report.MacroAccuracy, 12);
        Assert.Equal(expected.LogLoss, report.LogLoss, 1e-6);
        Assert.Equal(expected.TopKAccuracy, report.TopKAccuracy!.Value, 12);
        for (var c = 0; c < classes; c++)
        {
            Assert.Equal(expected.Confusion[c], report.ConfusionMatrix[c]);
        }
    }
}
