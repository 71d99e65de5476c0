using System.Globalization;

namespace OrleansAI.Learning.Evaluation;

/// <summary>
/// Multiclass metrics of one model on one labelled set, as computed by ML.NET, in plain .NET types so
/// they can be stored, compared across federated rounds and serialised without ML.NET.
/// </summary>
public sealed class EvaluationReport
{
    /// <summary>Number of examples evaluated.</summary>
    public required int Count { get; init; }

    /// <summary>Number of classes.</summary>
    public required int Classes { get; init; }

    /// <summary>Micro-averaged accuracy: the fraction of examples whose highest-scoring class is the true one (ties go to the lowest class id).</summary>
    public required double Accuracy { get; init; }

    /// <summary>Macro-averaged accuracy: the mean per-class recall over the classes present among the true labels, so rare classes weigh as much as common ones.</summary>
    public required double MacroAccuracy { get; init; }

    /// <summary>Mean of −ln p(true class), with p clamped to at least 1e-15 so a confident mistake costs about 34.5 rather than infinity.</summary>
    public required double LogLoss { get; init; }

    /// <summary>
    /// (H − LogLoss) / H where H is the entropy of the true-label distribution (the log-loss of always
    /// predicting the label frequencies): 1 is perfect, 0 no better than the prior, negative worse.
    /// A fraction, not a percentage. Undefined (NaN or −∞) when only one class occurs.
    /// </summary>
    public required double LogLossReduction { get; init; }

    /// <summary>The k of <see cref="TopKAccuracy"/>; 0 when it was not requested.</summary>
    public required int TopK { get; init; }

    /// <summary>Fraction of examples whose true class is among the <see cref="TopK"/> highest scores; null when not requested.</summary>
    public required double? TopKAccuracy { get; init; }

    /// <summary>Mean log-loss of the examples of each class (0 for a class with no examples).</summary>
    public required IReadOnlyList<double> PerClassLogLoss { get; init; }

    /// <summary>Precision of each class: correct predictions of it over all predictions of it (0 when never predicted).</summary>
    public required IReadOnlyList<double> PerClassPrecision { get; init; }

    /// <summary>Recall of each class: correct predictions of it over its examples (0 when it has none).</summary>
    public required IReadOnlyList<double> PerClassRecall { get; init; }

    /// <summary>Confusion counts: <c>ConfusionMatrix[trueClass][predictedClass]</c>.</summary>
    public required int[][] ConfusionMatrix { get; init; }

    /// <summary>A one-line summary for logs.</summary>
    public override string ToString()
    {
        var topK = TopKAccuracy is { } value ? string.Create(CultureInfo.InvariantCulture, $", top-{TopK} {value:F4}") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"n={Count}, C={Classes}: accuracy {Accuracy:F4}, macro accuracy {MacroAccuracy:F4}, log-loss {LogLoss:F4}, log-loss reduction {LogLossReduction:F4}{topK}");
    }
}
