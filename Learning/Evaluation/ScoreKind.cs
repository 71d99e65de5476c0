namespace OrleansAI.Learning.Evaluation;

/// <summary>What the per-class scores handed to <see cref="Evaluator"/> are, which decides whether a softmax is applied first.</summary>
public enum ScoreKind
{
    /// <summary>Probabilities: each row non-negative and summing to 1 (within 1e-3), used as given.</summary>
    Probabilities,

    /// <summary>Unnormalised log-probabilities (a model's last layer); turned into probabilities with a numerically stable softmax.</summary>
    Logits,
}
