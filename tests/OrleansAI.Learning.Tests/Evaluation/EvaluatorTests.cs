using OrleansAI.Learning.Evaluation;

namespace OrleansAI.Learning.Tests.Evaluation;

public sealed class EvaluatorTests
{
    // Four examples, three classes. Predictions: 0, 0, 1, 1; truths: 0, 1, 1, 0.
    private static readonly float[] HandProbabilities =
    [
        0.7f, 0.2f, 0.1f,
        0.6f, 0.3f, 0.1f,
        0.1f, 0.8f, 0.1f,
        0.2f, 0.5f, 0.3f,
    ];

    private static readonly int[] HandLabels = [0, 1, 1, 0];

    [Fact]
    public void HandComputedCaseGivesAccuracyMacroAccuracyAndLogLoss()
    {
        var report = Evaluator.Evaluate(HandProbabilities, HandLabels, 3, ScoreKind.Probabilities);

        Assert.Equal(4, report.Count);
        Assert.Equal(3, report.Classes);
        Assert.Equal(0.5, report.Accuracy, 12);
        Assert.Equal(0.5, report.MacroAccuracy, 12);
        var expectedLogLoss = -(Math.Log(0.7f) + Math.Log(0.3f) + Math.Log(0.8f) + Math.Log(0.2f)) / 4;
        Assert.Equal(expectedLogLoss, report.LogLoss, 1e-6);
        Assert.Equal((Math.Log(2) - expectedLogLoss) / Math.Log(2), report.LogLossReduction, 1e-6);
        Assert.Null(report.TopKAccuracy);
        Assert.Equal(0, report.TopK);
    }

    [Fact]
    public void ConfusionMatrixRowsAreTrueClassesAndColumnsPredictions()
    {
        var report = Evaluator.Evaluate(HandProbabilities, HandLabels, 3, ScoreKind.Probabilities);

        Assert.Equal([1, 1, 0], report.ConfusionMatrix[0]);
        Assert.Equal([1, 1, 0], report.ConfusionMatrix[1]);
        Assert.Equal([0, 0, 0], report.ConfusionMatrix[2]);
    }

    [Fact]
    public void PerClassPrecisionRecallAndLogLossFollowTheConfusionMatrix()
    {
        int[] labels = [0, 0, 0, 1, 2];
        float[] probabilities =
        [
            0.9f, 0.05f, 0.05f,
            0.9f, 0.05f, 0.05f,
            0.1f, 0.8f, 0.1f,
            0.2f, 0.7f, 0.1f,
            0.6f, 0.2f, 0.2f,
        ];

        var report = Evaluator.Evaluate(probabilities, labels, 3, ScoreKind.Probabilities);

        Assert.Equal([2, 1, 0], report.ConfusionMatrix[0]);
        Assert.Equal([0, 1, 0], report.ConfusionMatrix[1]);
        Assert.Equal([1, 0, 0], report.ConfusionMatrix[2]);
        Assert.Equal(2.0 / 3, report.PerClassPrecision[0], 12);
        Assert.Equal(0.5, report.PerClassPrecision[1], 12);
        Assert.Equal(0.0, report.PerClassPrecision[2], 12);
        Assert.Equal(2.0 / 3, report.PerClassRecall[0], 12);
        Assert.Equal(1.0, report.PerClassRecall[1], 12);
        Assert.Equal(0.0, report.PerClassRecall[2], 12);
        Assert.Equal((1.0 + (2.0 / 3) + 0) / 3, report.MacroAccuracy, 12);
        Assert.Equal(-(2 * Math.Log(0.9f) + Math.Log(0.1f)) / 3, report.PerClassLogLoss[0], 1e-6);
        Assert.Equal(-Math.Log(0.2f), report.PerClassLogLoss[2], 1e-6);
    }

    [Fact]
    public void MacroAccuracyAveragesOnlyClassesPresentAmongTheLabels()
    {
        // Class 2 never occurs; macro accuracy is the mean recall of classes 0 and 1.
        int[] labels = [0, 0, 1];
        float[] probabilities = [1, 0, 0, 0, 1, 0, 0, 1, 0];

        var report = Evaluator.Evaluate(probabilities, labels, 3, ScoreKind.Probabilities);

        Assert.Equal(2.0 / 3, report.Accuracy, 12);
        Assert.Equal(0.75, report.MacroAccuracy, 12);
    }

    [Fact]
    public void PerfectPredictionsGiveFullAccuracyAndZeroLogLoss()
    {
        int[] labels = [0, 1, 2, 3, 2, 1];
        var probabilities = new float[labels.Length * 4];
        for (var i = 0; i < labels.Length; i++)
        {
            probabilities[(i * 4) + labels[i]] = 1f;
        }

        var report = Evaluator.Evaluate(probabilities, labels, 4, ScoreKind.Probabilities);

        Assert.Equal(1.0, report.Accuracy);
        Assert.Equal(1.0, report.MacroAccuracy);
        Assert.Equal(0.0, report.LogLoss, 12);
        Assert.Equal(1.0, report.LogLossReduction, 12);
        for (var c = 0; c < 4; c++)
        {
            Assert.Equal(labels.Count(l => l == c), report.ConfusionMatrix[c][c]);
        }
    }

    [Fact]
    public void UniformPredictionsCostLogClassesAndReduceNothingOnBalancedLabels()
    {
        int[] labels = [0, 1, 2, 3, 4, 0, 1, 2, 3, 4];
        var probabilities = Enumerable.Repeat(0.2f, labels.Length * 5).ToArray();

        var report = Evaluator.Evaluate(probabilities, labels, 5, ScoreKind.Probabilities);

        Assert.Equal(Math.Log(5), report.LogLoss, 1e-6);
        Assert.Equal(0.0, report.LogLossReduction, 1e-6);

        // Every score ties, and ties go to the lowest class id: everything is predicted as class 0.
        Assert.Equal(0.2, report.Accuracy, 12);
        Assert.All(report.ConfusionMatrix, row => Assert.Equal(2, row[0]));
    }

    [Fact]
    public void ZeroLogitsAreUniformPredictions()
    {
        int[] labels = [0, 1, 2];

        var report = Evaluator.Evaluate(new float[9], labels, 3, ScoreKind.Logits);

        Assert.Equal(Math.Log(3), report.LogLoss, 1e-6);
    }

    [Fact]
    public void ConfidentMistakesCostTheClampedLogLossNotInfinity()
    {
        var report = Evaluator.Evaluate([1f, 0f, 0f, 1f], [1, 1], 2, ScoreKind.Probabilities);

        Assert.Equal(-Math.Log(1e-15f) / 2, report.LogLoss, 1e-6);
        Assert.True(double.IsFinite(report.LogLoss));
    }

    [Fact]
    public void HugeLogitsAreSoftmaxedWithoutOverflow()
    {
        float[] logits = [1_000f, 999f, -1_000f, 88f, 89f, 90f];

        var fromLogits = Evaluator.Evaluate(logits, [0, 2], 3, ScoreKind.Logits);
        var probabilities = Evaluator.Softmax(logits, 3);

        Assert.All(probabilities, p => Assert.True(float.IsFinite(p)));
        Assert.Equal(1 / (1 + Math.Exp(-1)), probabilities[0], 6);
        Assert.Equal(1.0, fromLogits.Accuracy);
        var expected = (-Math.Log(probabilities[0]) - Math.Log(probabilities[5])) / 2;
        Assert.Equal(expected, fromLogits.LogLoss, 1e-6);
    }

    [Fact]
    public void SoftmaxRowsSumToOneAndKeepTheLogitOrder()
    {
        float[] logits = [0.5f, -1f, 3f, 2f, 2f, -7f];

        var probabilities = Evaluator.Softmax(logits, 3);

        Assert.Equal(1.0, probabilities[0] + probabilities[1] + probabilities[2], 6);
        Assert.Equal(1.0, probabilities[3] + probabilities[4] + probabilities[5], 6);
        Assert.True(probabilities[2] > probabilities[0] && probabilities[0] > probabilities[1]);
        Assert.Equal(probabilities[3], probabilities[4]);
    }

    [Fact]
    public void TopKAccuracyCountsTheTrueClassAmongTheKBest()
    {
        // True class ranks 1st, 2nd, 3rd and 2nd.
        float[] probabilities =
        [
            0.5f, 0.3f, 0.2f,
            0.5f, 0.3f, 0.2f,
            0.5f, 0.3f, 0.2f,
            0.2f, 0.3f, 0.5f,
        ];
        int[] labels = [0, 1, 2, 1];

        var top2 = Evaluator.Evaluate(probabilities, labels, 3, ScoreKind.Probabilities, topK: 2);
        var top1 = Evaluator.Evaluate(probabilities, labels, 3, ScoreKind.Probabilities, topK: 1);

        Assert.Equal(2, top2.TopK);
        Assert.Equal(0.75, top2.TopKAccuracy);
        Assert.Equal(top1.Accuracy, top1.TopKAccuracy);
    }

    [Theory]
    [InlineData(0.5f, 0.6f)]
    [InlineData(-0.1f, 1.1f)]
    [InlineData(float.NaN, 1f)]
    public void ProbabilitiesThatAreNotADistributionAreRejectedWithAHintAboutLogits(float first, float second)
    {
        var error = Assert.Throws<ArgumentException>(() => Evaluator.Evaluate([first, second], [0], 2, ScoreKind.Probabilities));

        Assert.Contains(nameof(ScoreKind.Logits), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NonFiniteLogitsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => Evaluator.Evaluate([float.PositiveInfinity, 0f], [0], 2, ScoreKind.Logits));
    }

    [Fact]
    public void InconsistentShapesAndLabelsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => Evaluator.Evaluate([0.5f, 0.5f, 1f], [0], 2, ScoreKind.Probabilities));
        Assert.Throws<ArgumentException>(() => Evaluator.Evaluate([0.5f, 0.5f], [2], 2, ScoreKind.Probabilities));
        Assert.Throws<ArgumentException>(() => Evaluator.Evaluate([], [], 2, ScoreKind.Probabilities));
        Assert.Throws<ArgumentOutOfRangeException>(() => Evaluator.Evaluate([1f], [0], 1, ScoreKind.Probabilities));
        Assert.Throws<ArgumentOutOfRangeException>(() => Evaluator.Evaluate([0.5f, 0.5f], [0], 2, ScoreKind.Probabilities, topK: 3));
    }

    [Fact]
    public void SummaryNamesTheHeadlineMetrics()
    {
        var report = Evaluator.Evaluate(HandProbabilities, HandLabels, 3, ScoreKind.Probabilities, topK: 2);

        var summary = report.ToString();

        Assert.Contains("accuracy 0.5000", summary, StringComparison.Ordinal);
        Assert.Contains("top-2", summary, StringComparison.Ordinal);
    }
}
